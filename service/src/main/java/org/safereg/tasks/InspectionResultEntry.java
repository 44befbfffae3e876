package org.safereg.tasks;

import java.time.LocalDate;

/**
 * An inspection another department made and reports (检查记录), keyed by its record number: what it found and
 * how it concluded. Equal entries say the same thing, which is how a re-import finds one unchanged.
 *
 * @param conclusion PASSED, RECTIFY (ordered to rectify), PENALISED or SUSPENDED
 */
public record InspectionResultEntry(
        String creditCode,
        String recordNo,
        String department,
        LocalDate inspectedOn,
        int violationsFound,
        int hazardsFound,
        String conclusion,
        String note) {}

package org.safereg.inspection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * One inspection of a plan as the planner made it.
 *
 * @param note {@link #TOP_UP} when drawn to reach the plan's random share, else null
 * @param inspector null for a drawn item no inspector could take (reported in the plan's warnings)
 */
record PlanItem(
        PlanEnterprise enterprise,
        Kind kind,
        LocalDate dueFrom,
        LocalDate dueTo,
        int priority,
        Frequency frequency,
        String note,
        Inspector inspector) {

    static final String TOP_UP = "RANDOM_SHARE_TOP_UP";

    @Schema(name = "PlanItemKind")
    enum Kind {
        MANDATORY,
        RANDOM
    }

    PlanItem assignedTo(Inspector who) {
        return new PlanItem(enterprise, kind, dueFrom, dueTo, priority, frequency, note, who);
    }
}

package org.safereg.hazards;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Hazards as an inspection records them (classified into hazard types as every hazard is): found on site (department verification), or a rectification seen and
 * verified. Runs inside the caller's transaction, so that a task's result is recorded whole or not at all.
 */
public class InspectionHazards {

    private final HazardMapper mapper;
    private final HazardClassifier classifier;

    InspectionHazards(HazardMapper mapper, HazardClassifier classifier) {
        this.mapper = mapper;
        this.classifier = classifier;
    }

    /** A hazard the inspection of task {@code taskId} found, graded GENERAL or MAJOR. */
    public void recordFound(
            long enterpriseId,
            long taskId,
            String grade,
            String description,
            LocalDate foundOn,
            LocalDate deadline,
            String by,
            Instant at) {
        NewHazardRow row = new NewHazardRow(
                enterpriseId,
                HazardSource.DEPARTMENT_VERIFICATION.name(),
                grade,
                description,
                foundOn,
                deadline,
                by,
                at,
                taskId);
        mapper.insert(row);
        classifier.store(
                row.getId(),
                enterpriseId,
                row.source,
                grade,
                classifier.classify(description, mapper.sectorOf(enterpriseId)));
    }

    /** The hazard is rectified (if it was not recorded so yet) and its rectification verified on {@code on}. */
    public void verifyRectified(long hazardId, LocalDate on, String by) {
        mapper.verifyByTask(hazardId, on, by);
    }
}

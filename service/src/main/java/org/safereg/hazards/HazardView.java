package org.safereg.hazards;

import java.time.Instant;
import java.time.LocalDate;

/** A hazard as the API shows it; {@code overdue} as of the service's today. */
record HazardView(
        long id,
        String enterprise,
        String source,
        String grade,
        String description,
        LocalDate foundOn,
        LocalDate deadline,
        LocalDate rectifiedOn,
        LocalDate verifiedOn,
        String state,
        boolean overdue,
        String recordedBy,
        Instant recordedAt,
        String verifiedBy,
        Long foundByTask) {

    static HazardView of(HazardRow row, LocalDate today) {
        String state = row.verifiedOn() != null ? "VERIFIED" : row.rectifiedOn() != null ? "RECTIFIED" : "OPEN";
        boolean overdue = row.rectifiedOn() == null && row.deadline().isBefore(today);
        return new HazardView(
                row.id(),
                row.creditCode(),
                row.source(),
                row.grade(),
                row.description(),
                row.foundOn(),
                row.deadline(),
                row.rectifiedOn(),
                row.verifiedOn(),
                state,
                overdue,
                row.recordedBy(),
                row.recordedAt(),
                row.verifiedBy(),
                row.foundByTask());
    }
}

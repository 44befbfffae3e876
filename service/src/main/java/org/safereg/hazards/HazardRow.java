package org.safereg.hazards;

import java.time.Instant;
import java.time.LocalDate;

/** A hazard as stored, with its enterprise's credit code. */
record HazardRow(
        long id,
        long enterpriseId,
        String creditCode,
        String source,
        String grade,
        String description,
        LocalDate foundOn,
        LocalDate deadline,
        LocalDate rectifiedOn,
        LocalDate verifiedOn,
        String recordedBy,
        Instant recordedAt,
        String verifiedBy,
        Long foundByTask) {}

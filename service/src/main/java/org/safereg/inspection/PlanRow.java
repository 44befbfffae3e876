package org.safereg.inspection;

import java.time.Instant;
import java.time.LocalDate;

/** A stored plan's header. */
record PlanRow(
        long id,
        String regionCode,
        String periodKind,
        LocalDate periodStart,
        LocalDate periodEnd,
        long seed,
        String state,
        String ruleSetVersion,
        String inputs,
        String factsDigest,
        String digest,
        String population,
        String warnings,
        int mandatoryItems,
        int randomItems,
        String createdBy,
        Instant createdAt,
        String acceptedBy,
        Instant acceptedAt) {}

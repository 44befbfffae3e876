package org.safereg.inspection;

import java.time.LocalDate;

/** A stored plan item with the enterprise it is about. */
record ItemRow(
        int seq,
        long enterpriseId,
        String creditCode,
        String name,
        String regionCode,
        String sector,
        String kind,
        String creditTier,
        String riskLevel,
        LocalDate dueFrom,
        LocalDate dueTo,
        int priority,
        String inspectorId,
        String inspectorName,
        String firedRules,
        String note,
        String focus) {}

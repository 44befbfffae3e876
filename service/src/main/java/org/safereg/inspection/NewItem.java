package org.safereg.inspection;

import java.time.LocalDate;

/** A plan item to insert. */
record NewItem(
        long planId,
        int seq,
        long enterpriseId,
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

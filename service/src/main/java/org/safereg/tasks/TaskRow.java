package org.safereg.tasks;

import java.time.Instant;
import java.time.LocalDate;

/** An enforcement task as stored, with its enterprise's credit code and region. */
record TaskRow(
        long id,
        String idempotencyKey,
        long enterpriseId,
        String creditCode,
        String enterpriseName,
        String regionCode,
        String type,
        String reason,
        String triggerRef,
        Long hazardId,
        String legalBasis,
        boolean postedSupervision,
        int priority,
        LocalDate dueFrom,
        LocalDate dueBy,
        String state,
        String ruleSetVersion,
        String firedRules,
        Integer decidingRule,
        Instant createdAt,
        String claimedBy,
        Instant claimedAt,
        String completedBy,
        Instant completedAt,
        String result) {}

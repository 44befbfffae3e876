package org.safereg.readmodel;

import java.time.Instant;

/** The part of a stored decision that every feature's decision has (see {@link CurrentDecision}). */
public record DecisionStamp(
        long enterpriseId,
        String creditCode,
        String ruleSetVersion,
        String firedRules,
        Instant evaluatedAt,
        long contentHash) {}

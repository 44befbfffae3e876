package org.safereg.risk;

import java.time.Instant;

/** One change of an enterprise's risk level and what caused it. */
record RiskHistoryRow(
        long enterpriseId,
        String level,
        String previousLevel,
        String cause,
        String ruleSetVersion,
        Instant evaluatedAt) {}

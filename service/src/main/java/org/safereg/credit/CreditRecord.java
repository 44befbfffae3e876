package org.safereg.credit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit result as both stores hold it (a MySQL row, a Redis hash): the JSON fields carry the
 * explanation and are served as they are.
 */
record CreditRecord(
        long enterpriseId,
        String creditCode,
        BigDecimal score,
        String tier,
        String scoreTier,
        String measures,
        String indicators,
        String vetoes,
        String firedRules,
        String ruleSetVersion,
        Instant evaluatedAt) {}

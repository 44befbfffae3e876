package org.safereg.credit;

import java.math.BigDecimal;
import java.time.Instant;

record HistoryRow(
        long enterpriseId,
        BigDecimal score,
        String tier,
        String previousTier,
        String vetoes,
        String ruleSetVersion,
        Instant evaluatedAt,
        Long jobId) {}

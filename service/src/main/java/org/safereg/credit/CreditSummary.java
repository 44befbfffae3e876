package org.safereg.credit;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of a credit listing. */
record CreditSummary(
        String creditCode,
        String name,
        String regionCode,
        String sector,
        String tier,
        BigDecimal score,
        boolean vetoed,
        Instant evaluatedAt) {}

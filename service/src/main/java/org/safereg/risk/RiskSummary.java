package org.safereg.risk;

import java.time.Instant;

/** One line of a risk listing. */
record RiskSummary(
        String creditCode, String name, String regionCode, String sector, String level, Instant evaluatedAt) {}

package org.safereg.risk;

import java.time.Instant;

/** One change of an enterprise's risk level and what caused it. */
record RiskHistoryView(Instant evaluatedAt, String level, String previousLevel, String cause, String ruleSetVersion) {

    static RiskHistoryView of(RiskHistoryRow row) {
        return new RiskHistoryView(
                row.evaluatedAt(), row.level(), row.previousLevel(), row.cause(), row.ruleSetVersion());
    }
}

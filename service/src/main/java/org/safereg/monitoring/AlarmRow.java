package org.safereg.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import org.safereg.engine.Provenance;

/** An alarm as stored, with its point and enterprise. */
record AlarmRow(
        long id,
        long pointId,
        long episode,
        String pointCode,
        String metric,
        String unit,
        String equipmentName,
        String creditCode,
        String regionCode,
        int level,
        String colour,
        String state,
        BigDecimal readingValue,
        BigDecimal threshold,
        boolean repeated,
        Instant raisedAt,
        Instant changedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant normalAt,
        Instant clearedAt,
        String ruleSetVersion,
        String firedRules) {

    Provenance provenance() {
        return Provenance.stored(ruleSetVersion, firedRules);
    }
}

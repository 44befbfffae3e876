package org.safereg.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import org.safereg.engine.Provenance;

/** One transition of an alarm as stored. */
record AlarmEventRow(
        long id,
        long alarmId,
        String event,
        int level,
        String state,
        BigDecimal readingValue,
        Instant occurredAt,
        String actor,
        String ruleSetVersion,
        String firedRules) {

    Provenance provenance() {
        return Provenance.stored(ruleSetVersion, firedRules);
    }
}

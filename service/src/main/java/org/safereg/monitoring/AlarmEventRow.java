package org.safereg.monitoring;

import java.math.BigDecimal;
import java.time.Instant;

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
        String ruleName,
        String ruleFile,
        String ruleSheet,
        Integer ruleRow) {}

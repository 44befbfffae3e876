package org.safereg.escalation;

import java.time.Instant;

/** A notification to insert. */
record NewNotification(
        String stepKey,
        long enterpriseId,
        Long alarmId,
        Long hazardId,
        String recipient,
        String regionCode,
        String channel,
        String message,
        String ruleSetVersion,
        String ruleName,
        String ruleFile,
        String ruleSheet,
        Integer ruleRow,
        Instant createdAt) {}

package org.safereg.escalation;

import java.time.Instant;

/** A notification as stored and shown. */
record NotificationRow(
        long id,
        String stepKey,
        String enterprise,
        Long alarmId,
        Long hazardId,
        String recipient,
        String regionCode,
        String channel,
        String message,
        String ruleSetVersion,
        String firedRules,
        Instant createdAt,
        Instant publishedAt) {}

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
        /** the rule that decided it, as every decision stores its provenance: {@link Provenance#firedRules()} */
        String firedRules,
        Instant createdAt) {}

package org.safereg.escalation;

/**
 * One situation escalation-policy.xlsx decides about, with what its notifications and tasks need: the cause
 * that keys their steps, the alarm or hazard, where it is and the message people read.
 *
 * @param cause the fact that caused it, e.g. {@code alarm:7#1} (an alarm's second round) or {@code hazard:42}
 */
record EscalationCase(
        Situation situation,
        String cause,
        Long alarmId,
        Long hazardId,
        String enterpriseName,
        String regionCode,
        String message) {}

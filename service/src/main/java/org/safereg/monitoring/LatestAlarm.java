package org.safereg.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * A point's latest alarm as MySQL holds it, and the point state it implies: what a point-state store
 * that lost its copy starts again from, so that the alarm keeps its identity and episode.
 *
 */
record LatestAlarm(
        long id,
        long pointId,
        long episode,
        int level,
        String state,
        Instant normalAt,
        Double readingValue,
        Double threshold) {

    /** The time of the last reading that moved an alarm. */
    record LastReading(long alarmId, Instant at) {}

    /** When a point raised an alarm, for the repetition rule. */
    record Raise(long pointId, Instant at) {}

    /**
     * @param lastReadingAt the time of the last reading that moved the alarm, so that a re-sent reading is
     *     still known for one; null when unknown
     * @param raises when the point's recent alarms were raised, oldest first
     */
    PointState pointState(Instant lastReadingAt, List<Long> raises) {
        long lastAt = lastReadingAt == null ? 0 : lastReadingAt.toEpochMilli();
        if (AlarmLifecycle.CLEARED.equals(state)) {
            return new PointState(
                    episode,
                    AlarmDecision.NORMAL,
                    null,
                    false,
                    AlarmDecision.NORMAL,
                    null,
                    0,
                    lastAt,
                    List.of(),
                    raises,
                    null);
        }
        boolean normal = normalAt != null;
        return new PointState(
                episode,
                level,
                state,
                normal,
                normal ? AlarmDecision.NORMAL : level,
                null,
                0,
                lastAt,
                List.of(),
                raises,
                direction());
    }

    /**
     * The side of its setpoint the open alarm is about, read from the value that last set its level: above
     * the setpoint is HIGH, below it LOW, on it unknown (deficiency and enrichment are different alarms).
     */
    private String direction() {
        if (level == AlarmDecision.EARLY_WARNING) {
            // a rising trend towards a HIGH setpoint, its value still below it
            return Setpoint.Direction.HIGH.name();
        }
        if (readingValue == null || threshold == null || readingValue.doubleValue() == threshold.doubleValue()) {
            return null;
        }
        return (readingValue > threshold ? Setpoint.Direction.HIGH : Setpoint.Direction.LOW).name();
    }
}

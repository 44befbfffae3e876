package org.safereg.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * A point's latest alarm as MySQL holds it, and the point state it implies: what a point-state store
 * that lost its copy starts again from, so that the alarm keeps its identity and episode.
 *
 */
record LatestAlarm(long id, long pointId, long episode, int level, String state, Instant normalAt) {

    /** The time of the last reading that moved an alarm. */
    record LastReading(long alarmId, Instant at) {}

    /**
     * @param lastReadingAt the time of the last reading that moved the alarm, so that a re-sent reading is
     *     still known for one; null when unknown
     */
    PointState pointState(Instant lastReadingAt) {
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
                    List.of(),
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
                List.of(),
                null);
    }
}

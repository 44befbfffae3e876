package org.safereg.monitoring;

import java.time.Instant;
import org.safereg.engine.FiredRule;

/** One change of an alarm, as it is written to alarm_events and pushed to the stream. */
record Transition(
        long pointId,
        long enterpriseId,
        long episode,
        Event event,
        int level,
        String colour,
        String state,
        Double value,
        Double threshold,
        boolean repeated,
        Instant at,
        String actor,
        String ruleSetVersion,
        FiredRule rule) {

    enum Event {
        RAISED,
        LEVEL_CHANGED,
        /** The value left normal again before anyone acknowledged the alarm: the same episode, live again. */
        RELAPSED,
        NORMAL,
        ACKNOWLEDGED,
        CLEARED
    }
}

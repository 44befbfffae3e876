package org.safereg.monitoring;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What became of a batch of readings: how many were taken, each refused one with why, and alarm changes. */
record ReadingResult(int received, int accepted, List<Rejection> rejected, List<AlarmChange> alarms) {

    /** A refused reading: its position in the request, its sensor, a stable reason code and a message. */
    @Schema(name = "ReadingResultRejection")
    record Rejection(int index, String sensor, Reason reason, String message) {}

    @Schema(name = "ReadingResultAlarmChange")
    record AlarmChange(String point, long episode, String event, int level, String colour, String rule) {}

    @Schema(name = "ReadingResultReason")
    enum Reason {
        MALFORMED,
        UNKNOWN_SENSOR,
        WRONG_UNIT,
        NOT_A_NUMBER,
        IMPOSSIBLE_VALUE,
        IN_THE_FUTURE,
        TOO_OLD,
        DUPLICATE,
        OUT_OF_ORDER,
        NOT_EVALUABLE
    }
}

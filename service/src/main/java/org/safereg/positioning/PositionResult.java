package org.safereg.positioning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What became of a batch of position events: how many were taken, each refused one with why, and alarm changes. */
record PositionResult(int received, int accepted, List<Rejection> rejected, List<AreaAlarm> alarms) {

    /** A refused event: its position in the request, its card and area, a stable reason code and a message. */
    @Schema(name = "PositionResultRejection")
    record Rejection(int index, String card, String area, Reason reason, String message) {}

    /**
     * An alarm change of an area's point; {@code persons} are the cards the alarm names when it was
     * raised or its level went up, or a person entered a restricted area while it was open.
     */
    record AreaAlarm(
            String area,
            String point,
            String metric,
            long episode,
            String event,
            int level,
            String colour,
            String rule,
            List<String> persons) {}

    @Schema(name = "PositionResultReason")
    enum Reason {
        MALFORMED,
        BAD_CARD,
        UNKNOWN_AREA,
        AREA_TYPE_MISMATCH,
        IN_THE_FUTURE,
        TOO_OLD,
        DUPLICATE,
        ALREADY_INSIDE,
        LEAVE_WITHOUT_ENTER,
        OUT_OF_ORDER
    }
}

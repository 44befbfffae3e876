package org.safereg.positioning;

import java.time.Instant;
import java.util.List;

/** A mine area as the API shows it, with the monitoring points that carry its alarms. */
record MineAreaView(
        String code,
        String enterprise,
        String name,
        AreaType type,
        Integer capacity,
        Integer dwellLimitMinutes,
        List<String> points,
        Instant createdAt) {

    static MineAreaView of(MineArea a) {
        return new MineAreaView(
                a.code(),
                a.creditCode(),
                a.name(),
                a.type(),
                a.capacity(),
                a.dwellLimitMinutes(),
                a.points(),
                a.createdAt());
    }
}

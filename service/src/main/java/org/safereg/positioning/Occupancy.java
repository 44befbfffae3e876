package org.safereg.positioning;

import java.time.Instant;
import java.util.List;

/** Who is in a mine area now, since when, and how long that is. */
record Occupancy(
        String area,
        String enterprise,
        AreaType type,
        Integer capacity,
        Integer dwellLimitMinutes,
        int count,
        List<Person> persons,
        Instant asOf) {

    record Person(String card, Instant since, double dwellMinutes) {}
}

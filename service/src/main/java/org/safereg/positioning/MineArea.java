package org.safereg.positioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One area of one mine. Its alarms are monitoring points of equipment class MINE_AREA that positioning
 * feeds with worked-out readings: {@code <code>:ENTRY} (persons in a restricted area),
 * {@code <code>:OCCUPANCY} (persons in a key area, rated limit = capacity) and {@code <code>:DWELL}
 * (the longest current stay in minutes, rated limit = dwell limit).
 */
record MineArea(
        long id,
        String code,
        long enterpriseId,
        String creditCode,
        String name,
        String areaType,
        Integer capacity,
        Integer dwellLimitMinutes,
        Instant createdAt) {

    static final String EQUIPMENT_TYPE = "MINE_AREA";
    static final String PERSONS = "persons";
    static final String MINUTES = "min";

    AreaType type() {
        return AreaType.valueOf(areaType);
    }

    String entryPoint() {
        return type() == AreaType.RESTRICTED ? code + ":ENTRY" : null;
    }

    String occupancyPoint() {
        return type() == AreaType.KEY ? code + ":OCCUPANCY" : null;
    }

    String dwellPoint() {
        return dwellLimitMinutes != null ? code + ":DWELL" : null;
    }

    List<String> points() {
        List<String> points = new ArrayList<>(3);
        for (String p : new String[] {entryPoint(), occupancyPoint(), dwellPoint()}) {
            if (p != null) {
                points.add(p);
            }
        }
        return points;
    }
}

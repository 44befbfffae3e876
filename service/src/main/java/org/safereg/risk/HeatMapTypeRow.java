package org.safereg.risk;

/**
 * One hazard type in one heat-map cell as MySQL counts it: the enterprises with an open hazard of that type and
 * the open hazards of that type, read through the hazards feature's {@code hazard_types_view}.
 */
record HeatMapTypeRow(
        String region,
        String sector,
        String level,
        String typeCode,
        String typeName,
        int enterprises,
        int openHazards) {}

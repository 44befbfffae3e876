package org.safereg.positioning;

import java.time.Instant;

/** A person card an area alarm names, with when it entered the area. */
record AlarmPerson(long alarmId, String card, long areaId, String area, Instant enteredAt, Instant namedAt) {}

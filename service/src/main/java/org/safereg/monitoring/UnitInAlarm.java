package org.safereg.monitoring;

/** Another monitoring point on a process unit that is in alarm now, for the correlation rules. */
public record UnitInAlarm(long enterpriseId, String processUnit, long pointId, int level) {}

package org.safereg.escalation;

import java.util.List;

/**
 * An alarm nobody has acknowledged yet: its level, how long it has waited, and when its monitoring point
 * raised alarms recently (to tell a repeating alarm from a single one).
 */
public final class AlarmSituation extends Situation {

    private final long alarmId;
    private final int level;
    private final long minutesUnacknowledged;
    private final List<Long> recentRaisesMinutesAgo;

    AlarmSituation(
            long alarmId, long enterpriseId, int level, long minutesUnacknowledged, List<Long> recentRaisesMinutesAgo) {
        super(enterpriseId);
        this.alarmId = alarmId;
        this.level = level;
        this.minutesUnacknowledged = minutesUnacknowledged;
        this.recentRaisesMinutesAgo = List.copyOf(recentRaisesMinutesAgo);
    }

    public long getAlarmId() {
        return alarmId;
    }

    /** 0 early warning, 1 level-1, 2 level-2, 3 cut-off. */
    public int getLevel() {
        return level;
    }

    public long getMinutesUnacknowledged() {
        return minutesUnacknowledged;
    }

    /** Alarms raised at this alarm's monitoring point within the last {@code minutes}, this one included. */
    public int repeatsWithin(int minutes) {
        return (int)
                recentRaisesMinutesAgo.stream().filter(ago -> ago <= minutes).count();
    }
}

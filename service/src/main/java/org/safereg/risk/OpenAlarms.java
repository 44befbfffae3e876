package org.safereg.risk;

/** The enterprise's open alarms (raised or acknowledged, not yet cleared) of one level. */
public final class OpenAlarms extends RiskInput {

    private final int level;
    private final int count;

    OpenAlarms(RiskRating rating, int level, int count) {
        super(rating);
        this.level = level;
        this.count = count;
    }

    /** 0 early warning (预警), 1 level-1 (一级), 2 level-2 (二级), 3 cut-off (切断). */
    public int getLevel() {
        return level;
    }

    public int getCount() {
        return count;
    }

    @Override
    String fact() {
        return ALARMS;
    }

    @Override
    String detail() {
        String kind =
                switch (level) {
                    case 0 -> "early warning";
                    case 3 -> "cut-off alarm";
                    default -> "level-" + level + " alarm";
                };
        return count + " open " + kind + (count == 1 ? "" : "s");
    }
}

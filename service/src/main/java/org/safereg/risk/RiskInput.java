package org.safereg.risk;

/**
 * A fact the risk table reads. Each matching row calls {@link #atLeast(String)}; the rating records the
 * level with this fact in words and the row's rule.
 */
public abstract class RiskInput {

    static final String INHERENT = "INHERENT";
    static final String CREDIT = "CREDIT";
    static final String ALARMS = "ALARMS";
    static final String HAZARDS = "HAZARDS";

    private final RiskRating rating;

    RiskInput(RiskRating rating) {
        this.rating = rating;
    }

    /** Called by a table row: this fact makes the enterprise's risk at least {@code level}. */
    public void atLeast(String level) {
        rating.raise(level, fact(), detail());
    }

    abstract String fact();

    abstract String detail();
}

package org.safereg.credit;

/**
 * One indicator's raw value for one enterprise, as the scoring tables see it. The tables award points
 * and weights through it; they land on the enterprise's {@link CreditScorecard}.
 */
public final class Measure {

    private final CreditScorecard scorecard;
    private final String indicator;
    private final double value;

    Measure(CreditScorecard scorecard, String indicator, double value) {
        this.scorecard = scorecard;
        this.indicator = indicator;
        this.value = value;
    }

    public String getIndicator() {
        return indicator;
    }

    public double getValue() {
        return value;
    }

    public long getEnterpriseId() {
        return scorecard.getEnterpriseId();
    }

    /** Called by a scoring-band row: the points (0–100) this value earns. */
    public void award(double points) {
        scorecard.award(indicator, value, points);
    }

    /** Called by an indicator-weight row: the weight (percent) of this indicator in the total score. */
    public void weigh(double weightPercent) {
        scorecard.weigh(indicator, weightPercent);
    }
}

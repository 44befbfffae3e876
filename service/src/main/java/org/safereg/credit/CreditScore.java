package org.safereg.credit;

/** The weighted total of an enterprise's indicator points; the tier table assigns a tier to it. */
public final class CreditScore {

    private final CreditScorecard scorecard;
    private final double value;

    CreditScore(CreditScorecard scorecard, double value) {
        this.scorecard = scorecard;
        this.value = value;
    }

    public double getValue() {
        return value;
    }

    public long getEnterpriseId() {
        return scorecard.getEnterpriseId();
    }

    /** Called by a tier cut-off row. */
    public void assignTier(String tier) {
        scorecard.assignTier(tier);
    }
}

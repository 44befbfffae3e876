package org.safereg.risk;

/** The enterprise's credit tier in force (A-D), NONE before its first credit evaluation. */
public final class CreditStanding extends RiskInput {

    private final String tier;

    CreditStanding(RiskRating rating, String tier) {
        super(rating);
        this.tier = tier == null ? "NONE" : tier;
    }

    public String getTier() {
        return tier;
    }

    @Override
    String fact() {
        return CREDIT;
    }

    @Override
    String detail() {
        return "credit tier " + tier;
    }
}

package org.safereg.risk;

/** The enterprise's inherent risk (固有风险): its sector and its highest major hazard source level. */
public final class InherentRisk extends RiskInput {

    private final String sector;
    private final String majorHazardSource;

    InherentRisk(RiskRating rating, String sector, Integer majorHazardLevel) {
        super(rating);
        this.sector = sector;
        this.majorHazardSource = majorHazardLevel == null ? "NONE" : "LEVEL_" + majorHazardLevel;
    }

    public String getSector() {
        return sector;
    }

    /** LEVEL_1 (highest) to LEVEL_4, or NONE. */
    public String getMajorHazardSource() {
        return majorHazardSource;
    }

    @Override
    String fact() {
        return INHERENT;
    }

    @Override
    String detail() {
        return "sector " + sector + ", major hazard source "
                + ("NONE".equals(majorHazardSource) ? "none" : "level " + majorHazardSource.substring(6));
    }
}

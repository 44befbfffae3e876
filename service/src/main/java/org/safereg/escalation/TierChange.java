package org.safereg.escalation;

/** An enterprise's credit tier changed (a row of the credit history). */
public final class TierChange extends Situation {

    private final long historyId;
    private final String tier;
    private final String previousTier;

    TierChange(long historyId, long enterpriseId, String tier, String previousTier) {
        super(enterpriseId);
        this.historyId = historyId;
        this.tier = tier;
        this.previousTier = previousTier == null ? "" : previousTier;
    }

    public long getHistoryId() {
        return historyId;
    }

    public String getTier() {
        return tier;
    }

    /** The tier before, or empty for a first evaluation. */
    public String getPreviousTier() {
        return previousTier;
    }

    /** Whether the tier is now {@code tier} and was not before. */
    public boolean fellTo(String tier) {
        return this.tier.equals(tier) && !previousTier.equals(tier);
    }
}

package org.safereg.escalation;

/**
 * A self-check graded GENERAL whose description matched a major-hazard criterion of hazard-types.xlsx (platform
 * screening 平台筛查), waiting for department verification (部门核查).
 */
public final class ScreeningFlag extends Situation {

    private final long hazardId;
    private final String criterion;
    private final long hoursWaiting;

    ScreeningFlag(long hazardId, long enterpriseId, String criterion, long hoursWaiting) {
        super(enterpriseId);
        this.hazardId = hazardId;
        this.criterion = criterion;
        this.hoursWaiting = hoursWaiting;
    }

    public long getHazardId() {
        return hazardId;
    }

    /** The determination-standard item matched, e.g. HC-12, IT-13.2, CM-2. */
    public String getCriterion() {
        return criterion;
    }

    /** Hours since the hazard was flagged. */
    public long getHoursWaiting() {
        return hoursWaiting;
    }
}

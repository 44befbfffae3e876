package org.safereg.escalation;

/** A hazard past its rectification deadline and not rectified. */
public final class HazardSituation extends Situation {

    private final long hazardId;
    private final String grade;
    private final long daysOverdue;

    HazardSituation(long hazardId, long enterpriseId, String grade, long daysOverdue) {
        super(enterpriseId);
        this.hazardId = hazardId;
        this.grade = grade;
        this.daysOverdue = daysOverdue;
    }

    public long getHazardId() {
        return hazardId;
    }

    /** GENERAL or MAJOR. */
    public String getGrade() {
        return grade;
    }

    /** Days since the deadline: 1 on the day after it. */
    public long getDaysOverdue() {
        return daysOverdue;
    }
}

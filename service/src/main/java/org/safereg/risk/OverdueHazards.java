package org.safereg.risk;

/** The enterprise's hazards of one grade past their rectification deadline and not rectified. */
public final class OverdueHazards extends RiskInput {

    private final String grade;
    private final int count;

    OverdueHazards(RiskRating rating, String grade, int count) {
        super(rating);
        this.grade = grade;
        this.count = count;
    }

    /** MAJOR (重大事故隐患) or GENERAL (一般隐患). */
    public String getGrade() {
        return grade;
    }

    public int getCount() {
        return count;
    }

    @Override
    String fact() {
        return HAZARDS;
    }

    @Override
    String detail() {
        return count + " overdue " + grade.toLowerCase(java.util.Locale.ROOT) + " hazard" + (count == 1 ? "" : "s");
    }
}

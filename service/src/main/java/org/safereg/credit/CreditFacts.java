package org.safereg.credit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * What the credit model knows about one enterprise over the evaluation window, aggregated from the
 * facts in the database. Rates are percentages (0–100).
 *
 * @param majorHazardsDue major hazards whose rectification deadline fell inside the window
 * @param majorHazardsRectifiedOnTime of those, rectified on or before the deadline
 * @param violations violations of the law recorded inside the window
 * @param art114MultipleFines fines of two times or more under Work Safety Law Art. 114 inside the window
 * @param employeesRequiringTraining employees who must be trained in the latest training year
 * @param employeesTrained of those, trained
 * @param drillsPlanned emergency drills planned inside the window
 * @param drillsCompleted of those, completed
 */
// stored and served as the "measures" of a result: the counts behind the indicators, so that an
// enterprise sees what to improve; who it is and when are said elsewhere in the result
@JsonIgnoreProperties({"enterpriseId", "creditCode", "sector", "licenceStatus", "evaluatedOn"})
public record CreditFacts(
        long enterpriseId,
        String creditCode,
        String sector,
        String licenceStatus,
        LocalDate evaluatedOn,
        int majorHazardsDue,
        int majorHazardsRectifiedOnTime,
        int violations,
        int art114MultipleFines,
        int employeesRequiringTraining,
        int employeesTrained,
        int drillsPlanned,
        int drillsCompleted) {

    /** 100 % when no major hazard fell due: nothing was left unrectified. */
    public double majorHazardRectificationRate() {
        return majorHazardsDue == 0 ? 100.0 : percent(majorHazardsRectifiedOnTime, majorHazardsDue);
    }

    /** 0 % when nobody's training was recorded: missing training records count as no training. */
    public double trainingCoverage() {
        return employeesRequiringTraining == 0 ? 0.0 : percent(employeesTrained, employeesRequiringTraining);
    }

    /** 0 % when no drill was planned: a missing drill plan (应急演练缺失) is itself a failing. */
    public double drillCompletionRate() {
        return drillsPlanned == 0 ? 0.0 : percent(drillsCompleted, drillsPlanned);
    }

    private static double percent(int part, int whole) {
        return Math.min(100.0, Math.round(10_000.0 * part / whole) / 100.0);
    }
}

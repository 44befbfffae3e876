package org.safereg.risk;

import java.util.List;
import java.util.Map;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.jobs.Progress;
import org.springframework.stereotype.Component;

/**
 * The risk side of an impact simulation: every enterprise's level decided on the rules in force and on a
 * candidate, from the same facts, by the same assessor as a full run, with nothing stored.
 */
@Component
public class RiskSimulation {

    /** One enterprise's level on both versions; null where that version's table cannot decide it. */
    public record Outcome(long enterpriseId, String levelBefore, String levelAfter) {}

    private final RiskAssessments assessments;

    RiskSimulation(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    /**
     * Reports the enterprises decided once a page.
     *
     * @param tiersAfter the credit tiers the candidate decides, by enterprise id, where they differ
     */
    public List<Outcome> simulate(
            RuleSetSnapshot before, RuleSetSnapshot after, Map<Long, String> tiersAfter, Progress progress) {
        return assessments.simulate(before, after, tiersAfter, progress);
    }
}

package org.safereg.credit;

import java.util.List;
import org.safereg.engine.RuleSetSnapshot;

/**
 * The one way credit is decided: a page of enterprises' facts on one rule-set snapshot at one moment. The
 * full run, the reassessment of enterprises whose facts changed and the impact simulation all decide here.
 */
final class CreditDecisions {

    /** One enterprise's credit, or why the rules could not decide it (then {@code assessment} is null). */
    record Decision(CreditFactsRow row, CreditFacts facts, CreditAssessment assessment, String failure) {}

    private CreditDecisions() {}

    /** In page order; the enterprises are decided in parallel, each in its own session. */
    static List<Decision> decide(RuleSetSnapshot rules, CreditPage page, CreditWindow window) {
        return page.rows().parallelStream()
                .map(row -> decide(rules, row, page, window))
                .toList();
    }

    private static Decision decide(RuleSetSnapshot rules, CreditFactsRow row, CreditPage page, CreditWindow window) {
        CreditFacts facts = row.toFacts(window.asOf());
        try {
            CreditAssessment assessment =
                    CreditAssessor.assess(rules, facts, page.accidentsOf(row.enterpriseId()), window.now());
            return new Decision(row, facts, assessment, null);
        } catch (CreditModelException e) {
            return new Decision(row, facts, null, e.getMessage());
        }
    }
}

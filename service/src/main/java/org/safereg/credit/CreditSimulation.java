package org.safereg.credit;

import java.util.List;
import org.safereg.engine.RuleSetSnapshot;
import org.springframework.stereotype.Component;

/**
 * The credit side of an impact simulation: every enterprise decided on the rules in force and on a candidate,
 * from the same facts, by the same evaluation as a full run, with nothing stored.
 */
@Component
public class CreditSimulation {

    /** One enterprise's credit on both versions; a null tier where that version's tables cannot decide it. */
    public record Outcome(
            long enterpriseId,
            String creditCode,
            String tierBefore,
            Double scoreBefore,
            String tierAfter,
            Double scoreAfter) {

        public boolean changed() {
            return tierBefore == null ? tierAfter != null : !tierBefore.equals(tierAfter);
        }
    }

    private final CreditEvaluations evaluations;

    CreditSimulation(CreditEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    public List<Outcome> simulate(RuleSetSnapshot before, RuleSetSnapshot after) {
        return evaluations.simulate(before, after);
    }
}

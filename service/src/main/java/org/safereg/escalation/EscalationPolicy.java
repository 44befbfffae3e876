package org.safereg.escalation;

import java.util.List;
import org.safereg.engine.Evaluation;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.DecisionMeter;

/**
 * escalation-policy.xlsx deciding on the cases of one run: each situation collects the notices and orders
 * its rules make. One snapshot for the whole run, so that every step names the version that decided it.
 */
class EscalationPolicy {

    /** Situations per evaluation: a session's working memory stays small however much is due. */
    private static final int CHUNK = 1000;

    private final RuleEngine engine;
    /** The rules fired; the notifications and tasks they lead to are counted where they are made. */
    private final DecisionMeter firings;

    EscalationPolicy(RuleEngine engine, DecisionMeter firings) {
        this.engine = engine;
        this.firings = firings;
    }

    /** Decides every case; answers the rules that decided them. */
    RuleSetSnapshot decide(List<EscalationCase> cases) {
        RuleSetSnapshot rules = engine.active();
        for (int from = 0; from < cases.size(); from += CHUNK) {
            List<EscalationCase> chunk = cases.subList(from, Math.min(cases.size(), from + CHUNK));
            Evaluation evaluation =
                    rules.evaluate(chunk.stream().map(EscalationCase::situation).toList());
            firings.fired(evaluation.firedRules().size());
        }
        return rules;
    }
}

package org.safereg.monitoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.safereg.engine.Evaluation;
import org.safereg.engine.RuleInProgress;
import org.safereg.engine.RuleSetSnapshot;

/**
 * Runs a batch of readings' decisions through the rule set in one session: a session per reading
 * costs several times more than the rules themselves (DESIGN.md). Every decision is its own output
 * fact, so what fired for one reading never mixes with another's.
 */
final class AlarmRules {

    private AlarmRules() {}

    static Evaluation decide(
            RuleSetSnapshot rules, List<AlarmDecision> decisions, Collection<UnitInAlarm> unitsInAlarm) {
        List<Object> facts = new ArrayList<>(decisions.size() + unitsInAlarm.size());
        // the batch is evaluated on this thread: each decision is handed its slot rather than finding it
        RuleInProgress slot = RuleInProgress.onThisThread();
        for (AlarmDecision decision : decisions) {
            decision.evaluatedWith(slot);
        }
        facts.addAll(decisions);
        facts.addAll(unitsInAlarm);
        return rules.evaluate(facts);
    }
}

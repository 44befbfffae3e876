package org.safereg.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleInProgress;

/**
 * The output fact of one enterprise's risk evaluation. Every row of risk-level.xlsx that matches says
 * "at least this level" about the fact it read; the highest level any row gives is the enterprise's
 * level. Not thread-safe: one per evaluation.
 */
public final class RiskRating {

    private final List<RiskReason> reasons = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private RiskLevel level;
    private boolean inherentRated;

    void raise(String levelName, String fact, String detail) {
        FiredRule rule = RuleInProgress.current().orElse(null);
        if (!RiskLevel.isLevel(levelName)) {
            problems.add("'" + levelName + "' is not a risk level (RED, ORANGE, YELLOW, BLUE)"
                    + (rule == null ? "" : " in " + rule.origin()));
            return;
        }
        RiskLevel raised = RiskLevel.valueOf(levelName);
        if (level == null || raised.compareTo(level) > 0) {
            level = raised;
        }
        if (RiskInput.INHERENT.equals(fact)) {
            inherentRated = true;
        }
        reasons.add(new RiskReason(raised.name(), fact, detail, rule == null ? -1 : rule.ordinal()));
    }

    RiskLevel level() {
        return level;
    }

    boolean inherentRated() {
        return inherentRated;
    }

    /** Highest level first, then in firing order: the facts that decided the level lead. */
    List<RiskReason> reasons() {
        List<RiskReason> sorted = new ArrayList<>(reasons);
        sorted.sort((a, b) -> RiskLevel.valueOf(b.level()).compareTo(RiskLevel.valueOf(a.level())));
        return sorted;
    }

    List<String> problems() {
        return Collections.unmodifiableList(problems);
    }
}

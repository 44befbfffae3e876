package org.safereg.inspection;

import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleInProgress;

/** A plan-wide parameter of inspection-frequency.xlsx (sheet Plan parameters), set by the row naming it. */
public final class PlanParameter {

    static final String SUPERVISORY_CHECKS_MAX = "SUPERVISORY_CHECKS_MAX";
    static final String RANDOM_SHARE_MIN = "RANDOM_SHARE_MIN";

    private final String name;
    private Double value;
    private FiredRule rule;

    PlanParameter(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void value(double value) {
        this.value = value;
        this.rule = RuleInProgress.current().orElse(null);
    }

    Double value() {
        return value;
    }

    FiredRule rule() {
        return rule;
    }
}

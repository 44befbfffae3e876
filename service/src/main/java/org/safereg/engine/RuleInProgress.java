package org.safereg.engine;

import java.util.Optional;

/**
 * The rule whose consequence is running on this thread, so that an output fact can record which rule
 * decided something without rule authors having to pass it, and without KIE types outside this package.
 */
public final class RuleInProgress {

    // one mutable slot per thread, taken once per evaluation: setting and clearing a ThreadLocal on every
    // firing costs more than many of the rules themselves
    private static final ThreadLocal<FiredRule[]> SLOT = ThreadLocal.withInitial(() -> new FiredRule[1]);

    private RuleInProgress() {}

    public static Optional<FiredRule> current() {
        return Optional.ofNullable(SLOT.get()[0]);
    }

    /** This thread's slot; the evaluation running here writes the firing rule into it. */
    static FiredRule[] slot() {
        return SLOT.get();
    }
}

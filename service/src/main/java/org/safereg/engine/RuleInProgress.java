package org.safereg.engine;

import java.util.Optional;

/**
 * The rule whose consequence is running on this thread, so that an output fact can record which rule
 * decided something without rule authors having to pass it, and without KIE types outside this package.
 */
public final class RuleInProgress {

    // one mutable slot per thread, taken once per evaluation: setting and clearing a ThreadLocal on every
    // firing costs more than many of the rules themselves
    private static final ThreadLocal<RuleInProgress> SLOT = ThreadLocal.withInitial(RuleInProgress::new);

    private final Thread thread = Thread.currentThread();
    FiredRule firing;

    private RuleInProgress() {}

    public static Optional<FiredRule> current() {
        return Optional.ofNullable(SLOT.get().firing);
    }

    /**
     * This thread's slot. An output fact whose consequences call it many times keeps it and asks
     * {@link #isOnThisThread()} before each use: a ThreadLocal lookup on every call of a consequence
     * costs more than the rules that fill a reading's setpoints.
     */
    public static RuleInProgress onThisThread() {
        return SLOT.get();
    }

    /** Whether this slot belongs to the calling thread (then {@link #rule()} is the rule firing here). */
    public boolean isOnThisThread() {
        return thread == Thread.currentThread();
    }

    /** The rule whose consequence is running on this slot's thread, or null outside a consequence. */
    public FiredRule rule() {
        return firing;
    }

    /** This thread's slot; the evaluation running here writes the firing rule into it. */
    static RuleInProgress slot() {
        return SLOT.get();
    }
}

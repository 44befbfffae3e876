package org.safereg.engine;

import java.util.Optional;

/**
 * The rule whose consequence is running on this thread, so that an output fact can record which rule
 * decided something without rule authors having to pass it, and without KIE types outside this package.
 */
public final class RuleInProgress {

    private static final ThreadLocal<FiredRule> CURRENT = new ThreadLocal<>();

    private RuleInProgress() {}

    public static Optional<FiredRule> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(FiredRule rule) {
        CURRENT.set(rule);
    }

    static void clear() {
        CURRENT.remove();
    }
}

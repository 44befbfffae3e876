package org.safereg.readmodel;

import java.time.Instant;

/**
 * An enterprise's current decision of one feature, kept under its credit code: what every such decision
 * carries besides its own content.
 */
public interface CurrentDecision<T extends CurrentDecision<T>> {

    long enterpriseId();

    String creditCode();

    String ruleSetVersion();

    /** The explanation: ordinals into the version's rules, as JSON. */
    String firedRules();

    Instant evaluatedAt();

    /** Covers everything but the evaluation time. */
    long contentHash();

    /** The same decision, evaluated again at {@code at}. */
    T evaluatedAt(Instant at);
}

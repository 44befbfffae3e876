package org.safereg.readmodel;

import java.util.Map;

/**
 * How one feature's decision is stored in Redis: a hash of text fields under the enterprise's credit code.
 * The fields every decision has ({@code enterpriseId}, {@code version}, {@code evaluatedAt}, {@code firedRules},
 * {@code contentHash}) are written by the store; the codec adds the feature's own.
 */
public interface DecisionCodec<T extends CurrentDecision<T>> {

    /** The feature's own fields. */
    Map<String, String> fields(T decision);

    /** The decision, from its stamp and its own fields. */
    T decision(DecisionStamp stamp, Map<String, String> fields);
}

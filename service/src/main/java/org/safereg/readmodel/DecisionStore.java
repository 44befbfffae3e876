package org.safereg.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a read model keeps its copy: Redis in production, a map in the embedded default. Every method throws
 * {@link ReadModelUnavailableException} when the store is down.
 */
interface DecisionStore<T extends CurrentDecision<T>> {

    /** Writes or replaces the decisions. */
    void putAll(List<T> decisions);

    /** Records a re-evaluation of unchanged decisions; entries the store no longer holds stay absent. */
    void touchAll(List<String> creditCodes, Instant evaluatedAt);

    /** The stored decision, empty when there is none. */
    Optional<T> get(String creditCode);

    /** The key whose absence says the store lost the copy; a process's own map never loses it. */
    CopyEpoch epoch();

    /** "redis" or "in-process", for health and {@code servedFrom}. */
    String kind();
}

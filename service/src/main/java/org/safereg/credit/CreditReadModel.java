package org.safereg.credit;

import java.util.List;
import java.util.Optional;
import org.safereg.system.ReadModelUnavailableException;

/**
 * The fast read side of credit results: Redis in production, a map in the embedded default. MySQL is
 * the source of truth; everything here can be rebuilt from it.
 */
interface CreditReadModel {

    /** Writes or replaces the results; throws {@link ReadModelUnavailableException} when the store is down. */
    void putAll(List<CreditRecord> records);

    /**
     * Records that these results were evaluated again unchanged; entries the store no longer holds stay
     * absent (readers then go to MySQL). Throws {@link ReadModelUnavailableException} when down.
     */
    void touchAll(List<String> creditCodes, java.time.Instant evaluatedAt);

    /** The stored result, empty when there is none; throws {@link ReadModelUnavailableException} when down. */
    Optional<CreditRecord> get(String creditCode);

    /** "redis" or "in-process", for health. */
    String kind();
}

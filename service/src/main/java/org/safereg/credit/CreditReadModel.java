package org.safereg.credit;

import java.util.List;
import java.util.Optional;
import org.safereg.system.CopyEpoch;
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

    /** The key whose absence says the store lost the copy; a process's own map never loses it. */
    default CopyEpoch epoch() {
        return CopyEpoch.IN_PROCESS;
    }

    /** "redis" or "in-process", for health. */
    String kind();
}

package org.safereg.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safereg.system.CopyEpoch;

/**
 * The fast read side of risk results: a Redis hash per enterprise in production, a map in the embedded
 * default. MySQL is the source of truth; everything here can be rebuilt from it. Every method throws
 * {@link org.safereg.system.ReadModelUnavailableException} when the store is down.
 */
interface RiskReadModel {

    void putAll(List<RiskRecord> records);

    /** Records a re-evaluation of unchanged results; entries the store no longer holds stay absent. */
    void touchAll(List<String> creditCodes, Instant evaluatedAt);

    Optional<RiskRecord> get(String creditCode);

    /** The key whose absence says the store lost the copy; a process's own map never loses it. */
    default CopyEpoch epoch() {
        return CopyEpoch.IN_PROCESS;
    }

    /** "redis" or "in-process", for health and {@code servedFrom}. */
    String kind();
}

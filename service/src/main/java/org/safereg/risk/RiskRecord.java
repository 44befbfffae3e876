package org.safereg.risk;

import java.time.Instant;
import org.safereg.readmodel.CurrentDecision;

/**
 * A risk result as both stores hold it (a MySQL row, a Redis hash): the JSON fields carry the explanation and
 * are served as they are. {@code contentHash} covers everything but the evaluation time.
 */
record RiskRecord(
        long enterpriseId,
        String creditCode,
        String level,
        String reasons,
        String inputs,
        String firedRules,
        String ruleSetVersion,
        Instant evaluatedAt,
        long contentHash)
        implements CurrentDecision<RiskRecord> {

    @Override
    public RiskRecord evaluatedAt(Instant at) {
        return new RiskRecord(
                enterpriseId, creditCode, level, reasons, inputs, firedRules, ruleSetVersion, at, contentHash);
    }
}

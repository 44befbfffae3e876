package org.safereg.credit;

import java.math.BigDecimal;
import java.time.Instant;
import org.safereg.readmodel.CurrentDecision;

/**
 * A credit result as both stores hold it (a MySQL row, a Redis hash): the JSON fields carry the
 * explanation and are served as they are. {@code contentHash} covers everything but the evaluation time, so
 * that a run can tell an unchanged result from a changed one without reading it back.
 */
record CreditRecord(
        long enterpriseId,
        String creditCode,
        BigDecimal score,
        String tier,
        String scoreTier,
        String measures,
        String indicators,
        String vetoes,
        String firedRules,
        String ruleSetVersion,
        Instant evaluatedAt,
        long contentHash)
        implements CurrentDecision<CreditRecord> {

    /** The same result, evaluated again at {@code at}. */
    @Override
    public CreditRecord evaluatedAt(Instant at) {
        return new CreditRecord(
                enterpriseId,
                creditCode,
                score,
                tier,
                scoreTier,
                measures,
                indicators,
                vetoes,
                firedRules,
                ruleSetVersion,
                at,
                contentHash);
    }
}

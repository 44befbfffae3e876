package org.safereg.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One change of an enterprise's credit. */
record HistoryView(
        Instant evaluatedAt,
        String tier,
        String previousTier,
        BigDecimal score,
        List<CreditAssessment.Veto> vetoes,
        String ruleSetVersion,
        Long jobId) {

    static HistoryView of(HistoryRow row, StoredJson stored) {
        return new HistoryView(
                row.evaluatedAt(),
                row.tier(),
                row.previousTier(),
                row.score(),
                stored.vetoes(row.vetoes()),
                row.ruleSetVersion(),
                row.jobId());
    }
}

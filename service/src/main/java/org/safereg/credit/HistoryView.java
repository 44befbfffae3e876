package org.safereg.credit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.Instant;

/** One change of an enterprise's credit. */
record HistoryView(
        Instant evaluatedAt,
        String tier,
        String previousTier,
        BigDecimal score,
        @JsonRawValue String vetoes,
        String ruleSetVersion,
        Long jobId) {

    static HistoryView of(HistoryRow row) {
        return new HistoryView(
                row.evaluatedAt(),
                row.tier(),
                row.previousTier(),
                row.score(),
                row.vetoes(),
                row.ruleSetVersion(),
                row.jobId());
    }
}

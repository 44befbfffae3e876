package org.safereg.credit;

import java.math.BigDecimal;
import java.util.Map;
import org.safereg.readmodel.DecisionCodec;
import org.safereg.readmodel.DecisionStamp;

/**
 * Each enterprise's current credit in Redis ({@code safereg:credit:<credit code>}): {@code tier} and
 * {@code score} for other systems beside the fields every decision has, and the explanation the API serves.
 */
final class CreditRecordCodec implements DecisionCodec<CreditRecord> {

    @Override
    public Map<String, String> fields(CreditRecord record) {
        return Map.of(
                "tier", record.tier(),
                "score", record.score().toPlainString(),
                "scoreTier", record.scoreTier(),
                "measures", record.measures(),
                "indicators", record.indicators(),
                "vetoes", record.vetoes());
    }

    @Override
    public CreditRecord decision(DecisionStamp stamp, Map<String, String> fields) {
        return new CreditRecord(
                stamp.enterpriseId(),
                stamp.creditCode(),
                new BigDecimal(fields.get("score")),
                fields.get("tier"),
                fields.get("scoreTier"),
                fields.get("measures"),
                fields.get("indicators"),
                fields.get("vetoes"),
                stamp.firedRules(),
                stamp.ruleSetVersion(),
                stamp.evaluatedAt(),
                stamp.contentHash());
    }
}

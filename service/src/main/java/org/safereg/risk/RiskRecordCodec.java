package org.safereg.risk;

import java.util.Map;
import org.safereg.readmodel.DecisionCodec;
import org.safereg.readmodel.DecisionStamp;

/**
 * Each enterprise's current risk in Redis ({@code safereg:risk:<credit code>}): {@code level} for other
 * systems beside the fields every decision has, and the explanation the API serves.
 */
final class RiskRecordCodec implements DecisionCodec<RiskRecord> {

    @Override
    public Map<String, String> fields(RiskRecord record) {
        return Map.of("level", record.level(), "reasons", record.reasons(), "inputs", record.inputs());
    }

    @Override
    public RiskRecord decision(DecisionStamp stamp, Map<String, String> fields) {
        return new RiskRecord(
                stamp.enterpriseId(),
                stamp.creditCode(),
                fields.get("level"),
                fields.get("reasons"),
                fields.get("inputs"),
                stamp.firedRules(),
                stamp.ruleSetVersion(),
                stamp.evaluatedAt(),
                stamp.contentHash());
    }
}

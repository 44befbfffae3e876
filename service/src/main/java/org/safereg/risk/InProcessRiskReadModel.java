package org.safereg.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What Redis holds, kept in this process: the embedded default when no Redis is configured. */
final class InProcessRiskReadModel implements RiskReadModel {

    private final Map<String, RiskRecord> records = new ConcurrentHashMap<>();

    @Override
    public void putAll(List<RiskRecord> batch) {
        batch.forEach(r -> records.put(r.creditCode(), r));
    }

    @Override
    public void touchAll(List<String> creditCodes, Instant evaluatedAt) {
        creditCodes.forEach(code -> records.computeIfPresent(code, (key, record) -> record.evaluatedAt(evaluatedAt)));
    }

    @Override
    public Optional<RiskRecord> get(String creditCode) {
        return Optional.ofNullable(records.get(creditCode));
    }

    @Override
    public String kind() {
        return "in-process";
    }
}

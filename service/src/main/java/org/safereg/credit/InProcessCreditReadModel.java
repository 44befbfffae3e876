package org.safereg.credit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What Redis holds, kept in this process: the embedded default when no Redis is configured. */
final class InProcessCreditReadModel implements CreditReadModel {

    private final Map<String, CreditRecord> records = new ConcurrentHashMap<>();

    @Override
    public void putAll(List<CreditRecord> batch) {
        batch.forEach(r -> records.put(r.creditCode(), r));
    }

    @Override
    public void touchAll(List<String> creditCodes, Instant evaluatedAt) {
        creditCodes.forEach(code -> records.computeIfPresent(code, (key, record) -> record.evaluatedAt(evaluatedAt)));
    }

    @Override
    public Optional<CreditRecord> get(String creditCode) {
        return Optional.ofNullable(records.get(creditCode));
    }

    @Override
    public String kind() {
        return "in-process";
    }
}

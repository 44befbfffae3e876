package org.safereg.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What Redis holds, kept in this process: the embedded default when no Redis is configured. */
final class InProcessDecisionStore<T extends CurrentDecision<T>> implements DecisionStore<T> {

    private final Map<String, T> decisions = new ConcurrentHashMap<>();

    @Override
    public void putAll(List<T> batch) {
        batch.forEach(decision -> decisions.put(decision.creditCode(), decision));
    }

    @Override
    public void touchAll(List<String> creditCodes, Instant evaluatedAt) {
        creditCodes.forEach(
                code -> decisions.computeIfPresent(code, (key, decision) -> decision.evaluatedAt(evaluatedAt)));
    }

    @Override
    public Optional<T> get(String creditCode) {
        return Optional.ofNullable(decisions.get(creditCode));
    }

    @Override
    public CopyEpoch epoch() {
        return CopyEpoch.IN_PROCESS;
    }

    @Override
    public String kind() {
        return "in-process";
    }
}

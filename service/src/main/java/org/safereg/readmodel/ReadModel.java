package org.safereg.readmodel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.system.RedisFallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One feature's current decisions, kept honest. MySQL is the truth and the store a copy: a write the store
 * misses marks the copy stale in {@code read_models}, where every instance sees it; while it is stale, reads
 * answer empty (callers go to MySQL); a rebuild from MySQL clears the mark. Made by {@link ReadModels}.
 */
public final class ReadModel<T extends CurrentDecision<T>> {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    private static final int REBUILD_BATCH = 1000;

    private final String name;
    private final DecisionStore<T> store;
    private final StaleMark staleMark;
    private final Supplier<Cursor<T>> stored;
    private final TransactionTemplate transactions;
    private final Counter staleReads;
    private final Counter unreachableReads;

    ReadModel(
            String name,
            DecisionStore<T> store,
            StaleMark staleMark,
            Supplier<Cursor<T>> stored,
            TransactionTemplate transactions,
            MeterRegistry registry) {
        this.name = name;
        this.store = store;
        this.staleMark = staleMark;
        this.stored = stored;
        this.transactions = transactions;
        this.staleReads = RedisFallbacks.counter(registry, name, "stale");
        this.unreachableReads = RedisFallbacks.counter(registry, name, "unreachable");
    }

    /** Writes decisions to the store; on failure marks it stale instead of failing the caller. */
    public boolean write(List<T> decisions) {
        try {
            store.putAll(decisions);
            return true;
        } catch (ReadModelUnavailableException e) {
            staleMark.mark(e);
            return false;
        }
    }

    /** Records a re-evaluation of unchanged decisions; on failure marks the store stale. */
    public void touch(List<String> creditCodes, Instant evaluatedAt) {
        try {
            store.touchAll(creditCodes, evaluatedAt);
        } catch (ReadModelUnavailableException e) {
            staleMark.mark(e);
        }
    }

    /** A decision to serve, or empty when the copy cannot be trusted or has none. */
    public Optional<T> read(String creditCode) {
        if (isStale()) {
            staleReads.increment();
            return Optional.empty();
        }
        try {
            return store.get(creditCode);
        } catch (ReadModelUnavailableException e) {
            log.debug("The {} read model is unavailable, reading MySQL: {}", name, e.getMessage());
            unreachableReads.increment();
            return Optional.empty();
        }
    }

    public boolean isStale() {
        return staleMark.isStale();
    }

    /**
     * Whether the copy is whole, looked at now rather than at the next look: a copy the store lost (its epoch
     * is gone) is marked stale here, before this returns.
     *
     * @return true when the copy must be rebuilt
     */
    public boolean checkCopy() {
        return staleMark.isStaleNow();
    }

    /** "redis" or "in-process". */
    public String kind() {
        return store.kind();
    }

    /** The store and whether the copy may be behind MySQL: not a failure (answers come from MySQL), so UP. */
    public HealthIndicator health() {
        return () -> Health.up()
                .withDetail("store", kind())
                .withDetail("stale", isStale())
                .build();
    }

    /**
     * Copies every stored decision from MySQL to the store, then clears the stale mark, only if the whole
     * copy went through; a run writing at the same time writes both stores.
     */
    public boolean rebuild() {
        Integer copied;
        try {
            copied = transactions.execute(status -> copyAll());
        } catch (ReadModelUnavailableException e) {
            log.info("The {} read model is still unavailable, rebuild postponed: {}", name, e.getMessage());
            return false;
        }
        staleMark.clear();
        log.info("The {} read model ({}) rebuilt from MySQL: {} results", name, kind(), copied);
        return true;
    }

    private int copyAll() {
        int copied = 0;
        List<T> batch = new ArrayList<>(REBUILD_BATCH);
        try (Cursor<T> cursor = stored.get()) {
            for (T decision : cursor) {
                batch.add(decision);
                if (batch.size() == REBUILD_BATCH) {
                    store.putAll(batch);
                    copied += batch.size();
                    batch.clear();
                }
            }
            store.putAll(batch);
            return copied + batch.size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.safereg.credit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.system.ReadModelUnavailableException;
import org.safereg.system.StaleMark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the read model honest. A write to Redis that fails marks it stale in MySQL, where every
 * instance sees it; while it is stale, reads go to MySQL; a rebuild from MySQL clears the mark.
 */
class CreditReadModels {

    private static final Logger log = LoggerFactory.getLogger(CreditReadModels.class);
    static final String NAME = "credit";

    private final CreditReadModel readModel;
    private final CreditMapper mapper;
    private final TransactionTemplate transactions;
    private final StaleMark staleMark;

    CreditReadModels(
            CreditReadModel readModel,
            CreditMapper mapper,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            Clock clock,
            CreditProperties properties) {
        this.readModel = readModel;
        this.mapper = mapper;
        this.transactions = transactions;
        this.staleMark = new StaleMark(NAME, jdbc, clock, properties.staleCheck(), readModel.epoch());
    }

    /** Writes results to the read model; on failure marks it stale instead of failing the caller. */
    boolean write(List<CreditRecord> records) {
        try {
            readModel.putAll(records);
            return true;
        } catch (ReadModelUnavailableException e) {
            staleMark.mark(e);
            return false;
        }
    }

    /** Records a re-evaluation of unchanged results; on failure marks the read model stale. */
    void touch(List<String> creditCodes, Instant evaluatedAt) {
        try {
            readModel.touchAll(creditCodes, evaluatedAt);
        } catch (ReadModelUnavailableException e) {
            staleMark.mark(e);
        }
    }

    /** A result to serve, or empty when the read model cannot be trusted or has none. */
    Optional<CreditRecord> read(String creditCode) {
        if (isStale()) {
            return Optional.empty();
        }
        try {
            return readModel.get(creditCode);
        } catch (ReadModelUnavailableException e) {
            log.debug("Credit read model unavailable, reading MySQL: {}", e.getMessage());
            return Optional.empty();
        }
    }

    boolean isStale() {
        return staleMark.isStale();
    }

    String kind() {
        return readModel.kind();
    }

    /**
     * Copies every stored result from MySQL to the read model, then clears the stale mark. The mark is
     * cleared only if the whole copy went through; a job writing at the same time writes both stores.
     */
    boolean rebuild() {
        int copied = 0;
        try {
            Integer count = transactions.execute(status -> {
                int n = 0;
                List<CreditRecord> batch = new ArrayList<>(1000);
                try (Cursor<CreditRecord> cursor = mapper.streamResults()) {
                    for (CreditRecord record : cursor) {
                        batch.add(record);
                        if (batch.size() == 1000) {
                            readModel.putAll(batch);
                            n += batch.size();
                            batch.clear();
                        }
                    }
                    readModel.putAll(batch);
                    n += batch.size();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return n;
            });
            copied = count == null ? 0 : count;
        } catch (ReadModelUnavailableException e) {
            log.info("Credit read model still unavailable, rebuild postponed: {}", e.getMessage());
            return false;
        }
        staleMark.clear();
        log.info("Credit read model ({}) rebuilt from MySQL: {} results", readModel.kind(), copied);
        return true;
    }
}

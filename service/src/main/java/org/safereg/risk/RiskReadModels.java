package org.safereg.risk;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.system.ReadModelUnavailableException;
import org.safereg.system.StaleMark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the risk read model honest, as the credit one: a failed write marks it stale in
 * {@code read_models('risk')}; while stale, reads go to MySQL; a rebuild from MySQL clears the mark.
 */
class RiskReadModels {

    private static final Logger log = LoggerFactory.getLogger(RiskReadModels.class);
    static final String NAME = "risk";

    private final RiskReadModel readModel;
    private final RiskMapper mapper;
    private final TransactionTemplate transactions;
    private final StaleMark staleMark;

    RiskReadModels(RiskReadModel readModel, RiskMapper mapper, TransactionTemplate transactions, StaleMark staleMark) {
        this.readModel = readModel;
        this.mapper = mapper;
        this.transactions = transactions;
        this.staleMark = staleMark;
    }

    void write(List<RiskRecord> records) {
        try {
            readModel.putAll(records);
        } catch (ReadModelUnavailableException e) {
            staleMark.mark(e);
        }
    }

    void touch(List<String> creditCodes, Instant evaluatedAt) {
        try {
            readModel.touchAll(creditCodes, evaluatedAt);
        } catch (ReadModelUnavailableException e) {
            staleMark.mark(e);
        }
    }

    /** A result to serve, or empty when the read model cannot be trusted or has none. */
    Optional<RiskRecord> read(String creditCode) {
        if (staleMark.isStale()) {
            return Optional.empty();
        }
        try {
            return readModel.get(creditCode);
        } catch (ReadModelUnavailableException e) {
            log.debug("Risk read model unavailable, reading MySQL: {}", e.getMessage());
            return Optional.empty();
        }
    }

    boolean isStale() {
        return staleMark.isStale();
    }

    String kind() {
        return readModel.kind();
    }

    /** Copies every stored result from MySQL to the read model; clears the stale mark only if all went through. */
    boolean rebuild() {
        int copied;
        try {
            Integer count = transactions.execute(status -> {
                int n = 0;
                List<RiskRecord> batch = new ArrayList<>(1000);
                try (Cursor<RiskRecord> cursor = mapper.streamResults()) {
                    for (RiskRecord record : cursor) {
                        batch.add(record);
                        if (batch.size() == 1000) {
                            readModel.putAll(batch);
                            n += batch.size();
                            batch.clear();
                        }
                    }
                    readModel.putAll(batch);
                    return n + batch.size();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            copied = count == null ? 0 : count;
        } catch (ReadModelUnavailableException e) {
            log.info("Risk read model still unavailable, rebuild postponed: {}", e.getMessage());
            return false;
        }
        staleMark.clear();
        log.info("Risk read model ({}) rebuilt from MySQL: {} results", readModel.kind(), copied);
        return true;
    }
}

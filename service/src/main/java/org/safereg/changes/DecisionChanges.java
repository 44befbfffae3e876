package org.safereg.changes;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import org.safereg.system.BulkStatements;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a decision records that it changed, inside its own transaction: the entry becomes visible to the feed
 * exactly when the decision does, and never without it.
 */
@Component
public class DecisionChanges {

    /*
     * Plain JDBC on the transaction's connection: the deciding features write in MyBatis sessions of either
     * executor type (credit and risk in BATCH), and one transaction cannot hold sessions of both.
     */
    /** The entry's insert; public so that the floor benchmark writes exactly what a decision writes. */
    public static final String INSERT = "INSERT INTO decision_changes (kind, enterprise_id, new_value,"
            + " previous_value, detail, ref, rule_set_version, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    public DecisionChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @throws IllegalStateException outside a transaction: an entry is written with its decision or not at all
     */
    public void record(List<DecisionChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a decision change is recorded in the decision's transaction");
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            // prepared on the client: each batch is one multi-row statement, not one prepared on the server anew
            try (PreparedStatement statement = BulkStatements.prepare(connection, INSERT)) {
                for (int i = 0; i < changes.size(); i++) {
                    DecisionChange change = changes.get(i);
                    statement.setString(1, change.kind());
                    statement.setLong(2, change.enterpriseId());
                    statement.setString(3, change.value());
                    statement.setString(4, change.previous());
                    statement.setString(5, change.detail());
                    statement.setString(6, change.ref());
                    statement.setString(7, change.ruleSetVersion());
                    statement.setTimestamp(8, Timestamp.from(change.decidedAt()));
                    statement.addBatch();
                    if ((i + 1) % BATCH == 0 || i + 1 == changes.size()) {
                        statement.executeBatch();
                    }
                }
            }
            return null;
        });
    }
}

package org.safereg.inspection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.FiredRule;
import org.safereg.system.BulkStatements;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a new plan and its items in one transaction: a plan is stored whole or not at all. The plan row goes
 * through MyBatis (its generated key); the items, a province's tens of thousands, are JDBC batches of a
 * single-row insert on the same transaction's connection, {@code batch} rows each, which Connector/J sends as
 * multi-row statements ({@code rewriteBatchedStatements}; prepared on the client, see {@link BulkStatements}).
 * A MyBatis multi-row {@code <foreach>} insert cost more than the writing itself, in building the dynamic SQL
 * for every batch. The items are written while their focus points are still being read
 * ({@link PlanFocus#read}): a batch waits only for its own.
 */
class PlanStore {

    private static final String INSERT_ITEM = "INSERT INTO inspection_plan_items (plan_id, seq, enterprise_id, kind,"
            + " credit_tier, risk_level, due_from, due_to, priority, inspector_id, inspector_name, fired_rules, note,"
            + " focus) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final InspectionPlanMapper mapper;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PlanJson json;
    private final int batch;

    PlanStore(
            InspectionPlanMapper mapper,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            PlanJson json,
            int batch) {
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.batch = batch;
    }

    /**
     * Stores the plan and the draft's items with their focus points, writing each batch of items as soon as
     * their focus points are read; calls {@code focusRead} once all are. Answers the plan's id.
     */
    long insert(NewPlan plan, PlanDraft draft, PlanFocus.Reading focus, Runnable focusRead) {
        return transactions.execute(status -> {
            mapper.insertPlan(plan);
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                // one statement for every batch of the plan
                try (PreparedStatement statement = BulkStatements.prepare(connection, INSERT_ITEM)) {
                    insertItems(statement, plan.getId(), draft.items(), focus, focusRead);
                }
                return null;
            });
            return plan.getId();
        });
    }

    private void insertItems(
            PreparedStatement statement, long planId, List<PlanItem> all, PlanFocus.Reading focus, Runnable focusRead)
            throws SQLException {
        // items of one frequency share their fired rules: written as JSON once
        Map<Frequency, String> ordinals = new HashMap<>();
        for (int from = 0; from < all.size(); from += batch) {
            int to = Math.min(all.size(), from + batch);
            Map<Long, Focus> points = focus.upTo(to);
            if (to == all.size()) {
                focusRead.run();
            }
            for (int i = from; i < to; i++) {
                set(statement, newItem(planId, i + 1, all.get(i), points, ordinals));
                statement.addBatch();
            }
            statement.executeBatch();
        }
        if (all.isEmpty()) {
            focusRead.run();
        }
    }

    private static void set(PreparedStatement statement, NewItem item) throws SQLException {
        statement.setLong(1, item.planId());
        statement.setInt(2, item.seq());
        statement.setLong(3, item.enterpriseId());
        statement.setString(4, item.kind());
        statement.setString(5, item.creditTier());
        statement.setString(6, item.riskLevel());
        statement.setObject(7, item.dueFrom());
        statement.setObject(8, item.dueTo());
        statement.setInt(9, item.priority());
        setNullable(statement, 10, item.inspectorId());
        setNullable(statement, 11, item.inspectorName());
        statement.setString(12, item.firedRules());
        setNullable(statement, 13, item.note());
        statement.setString(14, item.focus());
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private NewItem newItem(
            long planId, int seq, PlanItem item, Map<Long, Focus> focus, Map<Frequency, String> ordinals) {
        PlanEnterprise enterprise = item.enterprise();
        String fired = ordinals.computeIfAbsent(
                item.frequency(),
                f -> json.write(f.rules().stream().map(FiredRule::ordinal).toList()));
        return new NewItem(
                planId,
                seq,
                enterprise.id(),
                item.kind().name(),
                enterprise.creditTier(),
                enterprise.riskLevel(),
                item.dueFrom(),
                item.dueTo(),
                item.priority(),
                item.inspector() == null ? null : item.inspector().id(),
                item.inspector() == null ? null : item.inspector().name(),
                fired,
                item.note(),
                json.write(focus.getOrDefault(enterprise.id(), PlanFocus.NONE)));
    }
}

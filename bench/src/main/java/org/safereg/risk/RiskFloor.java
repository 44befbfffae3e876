package org.safereg.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSessionFactory;
import org.safereg.bench.IoFloor;
import org.safereg.engine.RuleEngine;
import org.safereg.readmodel.ReadModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Risk's side of the floor benchmark (scripts/benchmark-floor.sh): the service's full risk recompute, and
 * the same reads and writes for {@link IoFloor}, taken from {@link RiskMapper}'s statements.
 */
@Component
@ConditionalOnProperty("safereg.benchmark.floor.enterprises")
public class RiskFloor {

    private static final String MAPPER = RiskMapper.class.getName() + ".";
    private static final String[] LEVELS = {"BLUE", "YELLOW", "ORANGE", "RED"};

    private final RiskRecompute recompute;
    private final RiskProperties properties;
    private final SqlSessionFactory mybatis;
    private final JdbcTemplate jdbc;
    private final RuleEngine engine;
    private final Clock clock;
    private final ReadModel<RiskRecord> readModel;

    RiskFloor(
            RiskRecompute recompute,
            RiskProperties properties,
            SqlSessionFactory mybatis,
            JdbcTemplate jdbc,
            RuleEngine engine,
            Clock clock,
            ReadModel<RiskRecord> readModel) {
        this.recompute = recompute;
        this.properties = properties;
        this.mybatis = mybatis;
        this.jdbc = jdbc;
        this.engine = engine;
        this.clock = clock;
        this.readModel = readModel;
    }

    public int pageSize() {
        return properties.pageSize();
    }

    /** The service's full recompute; the number of enterprises it decided. */
    public int runService() {
        RiskAssessments.Run run = recompute.recomputeAll("SCHEDULE");
        if (run.failed() > 0) {
            throw new IllegalStateException(run.failed() + " risk levels failed: " + run.firstError());
        }
        return run.processed();
    }

    /** Waits for the recomputes that credit changes set off (the benchmark delays them; see the script). */
    public void awaitIdle() {
        recompute.awaitIdle(Duration.ofMinutes(30));
    }

    public void deleteResults() {
        jdbc.update("DELETE FROM risk_history");
        jdbc.update("DELETE FROM decision_changes WHERE kind = 'RISK'");
        jdbc.update("DELETE FROM risk_results");
    }

    /**
     * No results, and a read model that is complete (empty) with its epoch written: the first run must not
     * find the copy "lost" in a Redis database that never held one and rebuild it inside the time measured.
     */
    public void prepare() {
        deleteResults();
        readModel.rebuild();
    }

    /** The floor's reads and writes, its stand-in results as long as the stored ones on average. */
    public IoFloor.Kind kind() {
        Map<String, Object> sizes = jdbc.queryForMap("SELECT COALESCE(AVG(LENGTH(reasons)), 200) AS reasons,"
                + " COALESCE(AVG(LENGTH(inputs)), 200) AS inputs, COALESCE(AVG(LENGTH(fired_rules)), 8) AS fired"
                + " FROM risk_results");
        int reasons = ((Number) sizes.get("reasons")).intValue();
        int inputs = ((Number) sizes.get("inputs")).intValue();
        int fired = ((Number) sizes.get("fired")).intValue();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String version = engine.active().version().hash();
        var configuration = mybatis.getConfiguration();
        Map<String, Object> sample = new HashMap<>();
        sample.put("afterId", 0L);
        sample.put("limit", 1);
        sample.put("firstId", 0L);
        sample.put("lastId", 0L);
        sample.put("today", today);
        IoFloor.Query ids = IoFloor.Query.of(configuration, MAPPER + "enterpriseIdsAfter", sample);
        List<IoFloor.Query> reads = List.of(IoFloor.Query.of(configuration, MAPPER + "factsBetween", sample));
        IoFloor.Query upsert = IoFloor.Query.of(configuration, MAPPER + "upsertResult", Map.of());
        IoFloor.Query history = IoFloor.Query.of(configuration, MAPPER + "insertHistory", Map.of());
        Map<String, Object> parameters = Map.of("today", today);
        Timestamp at = Timestamp.from(now);
        String evaluatedAt = now.toString();
        return new IoFloor.Kind() {
            @Override
            public IoFloor.Query ids() {
                return ids;
            }

            @Override
            public List<IoFloor.Query> reads() {
                return reads;
            }

            @Override
            public Map<String, Object> parameters() {
                return parameters;
            }

            @Override
            public IoFloor.Output output(Map<String, Object> row) {
                long id = ((Number) row.get("enterprise_id")).longValue();
                int alarms = ((Number) row.get("open_level1_alarms")).intValue()
                        + ((Number) row.get("open_level2_alarms")).intValue()
                        + ((Number) row.get("open_cut_off_alarms")).intValue();
                int overdue = ((Number) row.get("overdue_major_hazards")).intValue();
                String level = LEVELS[Math.min(3, alarms + overdue)];
                String reasonsJson = IoFloor.json(reasons, id);
                String inputsJson = IoFloor.json(inputs, id);
                String firedJson = IoFloor.array(fired, id);
                long hash = id * 31 + alarms;
                Map<String, Object> result = new HashMap<>();
                result.put("enterpriseId", id);
                result.put("level", level);
                result.put("reasons", reasonsJson);
                result.put("inputs", inputsJson);
                result.put("firedRules", firedJson);
                result.put("ruleSetVersion", version);
                result.put("evaluatedAt", at);
                result.put("contentHash", hash);
                Map<String, Object> historyRow = new HashMap<>();
                historyRow.put("enterpriseId", id);
                historyRow.put("level", level);
                historyRow.put("previousLevel", row.get("previous_level"));
                historyRow.put("cause", "SCHEDULE");
                historyRow.put("ruleSetVersion", version);
                historyRow.put("evaluatedAt", at);
                Map<String, Object> change =
                        IoFloor.change("RISK", id, level, row.get("previous_level"), "SCHEDULE", version, at);
                Map<String, String> fields = new HashMap<>();
                fields.put("level", level);
                fields.put("reasons", reasonsJson);
                fields.put("inputs", inputsJson);
                fields.put("enterpriseId", Long.toString(id));
                fields.put("version", version);
                fields.put("evaluatedAt", evaluatedAt);
                fields.put("firedRules", firedJson);
                fields.put("contentHash", Long.toString(hash));
                return new IoFloor.Output(result, historyRow, change, "safereg:risk:" + row.get("credit_code"), fields);
            }

            @Override
            public IoFloor.Query upsert() {
                return upsert;
            }

            @Override
            public IoFloor.Query history() {
                return history;
            }
        };
    }
}

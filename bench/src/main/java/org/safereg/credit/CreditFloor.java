package org.safereg.credit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
 * Credit's side of the floor benchmark (scripts/benchmark-floor.sh): the service's full credit run, and
 * the same reads and writes for {@link IoFloor}, taken from {@link CreditMapper}'s statements.
 */
@Component
@ConditionalOnProperty("safereg.benchmark.floor.enterprises")
public class CreditFloor {

    private static final String MAPPER = CreditMapper.class.getName() + ".";

    private final CreditEvaluations evaluations;
    private final CreditProperties properties;
    private final SqlSessionFactory mybatis;
    private final JdbcTemplate jdbc;
    private final RuleEngine engine;
    private final Clock clock;
    private final ReadModel<CreditRecord> readModel;

    CreditFloor(
            CreditEvaluations evaluations,
            CreditProperties properties,
            SqlSessionFactory mybatis,
            JdbcTemplate jdbc,
            RuleEngine engine,
            Clock clock,
            ReadModel<CreditRecord> readModel) {
        this.evaluations = evaluations;
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

    /** The service's full run; the number of enterprises it decided. */
    public int runService() {
        CreditJobRecord job = evaluations.runNow("BENCHMARK", "benchmark");
        if (!"SUCCEEDED".equals(job.state())) {
            throw new IllegalStateException("the credit run ended " + job.state());
        }
        return job.processed();
    }

    /** Every result and history row gone: the next run finds every result new. */
    public void deleteResults() {
        jdbc.update("DELETE FROM credit_history");
        jdbc.update("DELETE FROM decision_changes WHERE kind = 'CREDIT'");
        jdbc.update("DELETE FROM credit_results");
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
        Map<String, Object> sizes = jdbc.queryForMap("SELECT COALESCE(AVG(LENGTH(measures)), 300) AS measures,"
                + " COALESCE(AVG(LENGTH(indicators)), 400) AS indicators, COALESCE(AVG(LENGTH(vetoes)), 2) AS vetoes,"
                + " COALESCE(AVG(LENGTH(fired_rules)), 30) AS fired FROM credit_results");
        int measures = ((Number) sizes.get("measures")).intValue();
        int indicators = ((Number) sizes.get("indicators")).intValue();
        int vetoes = ((Number) sizes.get("vetoes")).intValue();
        int fired = ((Number) sizes.get("fired")).intValue();
        CreditWindow window = CreditWindow.now(clock, properties);
        String version = engine.active().version().hash();
        var configuration = mybatis.getConfiguration();
        Map<String, Object> sample = new HashMap<>();
        sample.put("afterId", 0L);
        sample.put("limit", 1);
        sample.put("firstId", 0L);
        sample.put("lastId", 0L);
        sample.put("windowStart", window.start());
        sample.put("asOf", window.asOf());
        sample.put("since", window.accidentsSince());
        Map<String, Object> parameters =
                Map.of("windowStart", window.start(), "asOf", window.asOf(), "since", window.accidentsSince());
        IoFloor.Query ids = IoFloor.Query.of(configuration, MAPPER + "enterpriseIdsAfter", sample);
        List<IoFloor.Query> reads = List.of(
                IoFloor.Query.of(configuration, MAPPER + "factsBetween", sample),
                IoFloor.Query.of(configuration, MAPPER + "accidentsBetween", sample));
        IoFloor.Query upsert = IoFloor.Query.of(configuration, MAPPER + "upsertResult", Map.of());
        IoFloor.Query history = IoFloor.Query.of(configuration, MAPPER + "insertHistory", Map.of());
        Instant now = window.now();
        Timestamp at = Timestamp.from(now);
        String evaluatedAt = now.truncatedTo(ChronoUnit.MILLIS).toString();
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
                int violations = ((Number) row.get("violations")).intValue();
                BigDecimal score =
                        BigDecimal.valueOf(Math.max(0, 100 - 5 * violations)).setScale(2);
                String tier = violations == 0 ? "A" : violations < 3 ? "B" : violations < 6 ? "C" : "D";
                String measuresJson = IoFloor.json(measures, id);
                String indicatorsJson = IoFloor.json(indicators, id);
                String vetoesJson = vetoes <= 2 ? "[]" : IoFloor.array(vetoes, id);
                String firedJson = IoFloor.array(fired, id);
                long hash = id * 31 + violations;
                Map<String, Object> result = new HashMap<>();
                result.put("enterpriseId", id);
                result.put("score", score);
                result.put("tier", tier);
                result.put("scoreTier", tier);
                result.put("measures", measuresJson);
                result.put("indicators", indicatorsJson);
                result.put("vetoes", vetoesJson);
                result.put("firedRules", firedJson);
                result.put("ruleSetVersion", version);
                result.put("evaluatedAt", at);
                result.put("contentHash", hash);
                Map<String, Object> historyRow = new HashMap<>();
                historyRow.put("enterpriseId", id);
                historyRow.put("score", score);
                historyRow.put("tier", tier);
                historyRow.put("previousTier", row.get("previous_tier"));
                historyRow.put("vetoes", vetoesJson);
                historyRow.put("ruleSetVersion", version);
                historyRow.put("evaluatedAt", at);
                historyRow.put("jobId", null);
                Map<String, Object> change = IoFloor.change(
                        "CREDIT", id, tier, row.get("previous_tier"), score.toPlainString(), version, at);
                Map<String, String> fields = new HashMap<>();
                fields.put("tier", tier);
                fields.put("score", score.toPlainString());
                fields.put("scoreTier", tier);
                fields.put("measures", measuresJson);
                fields.put("indicators", indicatorsJson);
                fields.put("vetoes", vetoesJson);
                fields.put("enterpriseId", Long.toString(id));
                fields.put("version", version);
                fields.put("evaluatedAt", evaluatedAt);
                fields.put("firedRules", firedJson);
                fields.put("contentHash", Long.toString(hash));
                return new IoFloor.Output(
                        result, historyRow, change, "safereg:credit:" + row.get("credit_code"), fields);
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

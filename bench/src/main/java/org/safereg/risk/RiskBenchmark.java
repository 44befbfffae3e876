package org.safereg.risk;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The risk benchmark (scripts/benchmark-risk.sh): on a synthetic province generated and credit-evaluated at
 * start-up, adds monitoring points and open alarms to some enterprises, then runs the full risk recompute
 * into MySQL and the read model several times (cold, unchanged, warm with every result new), prints wall
 * time, enterprises per second and peak heap, and exits.
 */
@Component
@Order(1000)
@ConditionalOnProperty("safereg.benchmark.risk.enterprises")
class RiskBenchmark implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final RiskRecompute recompute;
    private final ConfigurableApplicationContext context;

    RiskBenchmark(JdbcTemplate jdbc, RiskRecompute recompute, ConfigurableApplicationContext context) {
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int runs = Math.max(3, context.getEnvironment().getProperty("safereg.benchmark.runs", Integer.class, 4));
        // the start-up credit run announced its tiers; let the recomputes they set off finish first
        recompute.awaitIdle(Duration.ofMinutes(10));
        int enterprises = jdbc.queryForObject("SELECT COUNT(*) FROM enterprises", Integer.class);
        int alarms = addAlarms();
        int overdue = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT enterprise_id) FROM hazards WHERE rectified_on IS NULL AND deadline < CURRENT_DATE",
                Integer.class);
        System.out.printf(
                "%nSafeReg risk benchmark: %,d enterprises (%,d with credit), %,d open alarms, %,d enterprises with"
                        + " overdue hazards, %d runs%n",
                enterprises,
                jdbc.queryForObject("SELECT COUNT(*) FROM credit_results", Integer.class),
                alarms,
                overdue,
                runs);
        jdbc.update("DELETE FROM risk_history");
        jdbc.update("DELETE FROM risk_results");
        measure("cold, all results new", 1);
        for (int run = 2; run < runs; run++) {
            measure("unchanged", run);
        }
        jdbc.update("DELETE FROM risk_history");
        jdbc.update("DELETE FROM risk_results");
        measure("warm, all results new", runs);
        System.out.printf(
                "levels: %s%n",
                jdbc.queryForList("SELECT level, COUNT(*) AS n FROM risk_results GROUP BY level ORDER BY level"));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** One gas detector on every 20th enterprise, an open alarm of level 0-3 on every 40th. */
    private int addAlarms() {
        jdbc.update("DELETE FROM alarm_events");
        jdbc.update("DELETE FROM alarms");
        jdbc.update("DELETE FROM monitoring_points");
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO monitoring_points (code, enterprise_id, equipment_type, equipment_id, equipment_name,"
                        + " metric, unit, created_at) SELECT CONCAT('BENCH-', id), id, 'GAS_DETECTOR', 'R-1', '反应釜',"
                        + " 'COMBUSTIBLE_GAS', '%LEL', ? FROM enterprises WHERE MOD(id, 20) = 0",
                now);
        return jdbc.update(
                "INSERT INTO alarms (point_id, episode, enterprise_id, level, colour, state, reading_value, raised_at,"
                        + " changed_at, rule_set_version) SELECT p.id, 1, p.enterprise_id, MOD(p.enterprise_id DIV 40, 4),"
                        + " 'ORANGE', 'RAISED', 52, ?, ?, REPEAT('0', 64) FROM monitoring_points p"
                        + " WHERE MOD(p.enterprise_id, 40) = 0",
                now,
                now);
    }

    private void measure(String kind, int run) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        RiskAssessments.Run result = recompute.recomputeAll("SCHEDULE");
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "run %d (%s): %,d enterprises (%,d changed level, %,d rewritten, %d failed) in %.2f s ="
                        + " %,.0f enterprises/s, peak heap %,d MiB (sum of pool peaks)%n",
                run,
                kind,
                result.processed(),
                result.changed(),
                result.rewritten(),
                result.failed(),
                seconds,
                result.processed() / seconds,
                peakHeap / (1024 * 1024));
    }
}

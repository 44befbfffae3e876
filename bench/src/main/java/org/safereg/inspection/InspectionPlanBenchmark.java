package org.safereg.inspection;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.safereg.province.SyntheticProvince;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The plan benchmark (scripts/benchmark-plan.sh): replaces the database's enterprises with a synthetic
 * province of {@code safereg.benchmark.plan-enterprises}, gives them credit tiers and risk levels in
 * fixed shares, spreads {@code safereg.benchmark.plan-inspectors} inspectors over its counties in
 * proportion to their enterprises, then plans the whole province for the next quarter several times
 * (reading, rules, draw, focus points, storing and reading the plan back) and prints wall time and peak
 * heap for each, and exits.
 */
@Component
@Order(1000)
@ConditionalOnProperty("safereg.benchmark.plan-enterprises")
class InspectionPlanBenchmark implements ApplicationRunner {

    private final SyntheticProvince province;
    private final InspectionPlans plans;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    InspectionPlanBenchmark(
            JdbcTemplate jdbc,
            DataSource dataSource,
            SyntheticProvince province,
            InspectionPlans plans,
            ConfigurableApplicationContext context,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.province = province;
        this.plans = plans;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var environment = context.getEnvironment();
        int enterprises = environment.getRequiredProperty("safereg.benchmark.plan-enterprises", Integer.class);
        int inspectorCount = environment.getProperty("safereg.benchmark.plan-inspectors", Integer.class, 2000);
        int runs = environment.getProperty("safereg.benchmark.runs", Integer.class, 3);
        long seed = environment.getProperty("safereg.benchmark.seed", Long.class, 20260101L);

        System.out.printf(
                "%nSafeReg plan benchmark: %,d enterprises, %,d inspectors, %d runs%n",
                enterprises, inspectorCount, runs);
        long generateStarted = System.nanoTime();
        // a second run may keep the province (scripts/benchmark-plan.sh with SAFEREG_BENCH_REUSE=1)
        boolean reuse = environment.getProperty("safereg.benchmark.plan-reuse", Boolean.class, false)
                && jdbc.queryForObject("SELECT COUNT(*) FROM risk_results", Long.class) > 0;
        if (reuse) {
            jdbc.update("DELETE FROM inspection_plan_items");
            jdbc.update("DELETE FROM inspection_plans");
        } else {
            generate(enterprises, seed);
        }
        List<PlanRequest.InspectorRequest> inspectors = inspectors(inspectorCount);
        System.out.printf(
                "%s the synthetic province, tiers and risk levels in %.1f s%n",
                reuse ? "reused" : "generated", (System.nanoTime() - generateStarted) / 1e9);

        LocalDate today = LocalDate.now(clock);
        LocalDate nextQuarter = today.withDayOfMonth(1)
                .withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1)
                .plusMonths(3);
        String provinceCode = jdbc.queryForObject("SELECT code FROM regions WHERE level = 'PROVINCE'", String.class);
        for (int run = 1; run <= runs; run++) {
            measure(run, provinceCode, nextQuarter, inspectors, seed + run);
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private void generate(int enterprises, long seed) {
        for (String table : List.of("inspection_plan_items", "inspection_plans", "risk_history", "risk_results")) {
            jdbc.update("DELETE FROM " + table);
        }
        province.clear();
        System.out.println(province.generate(enterprises, seed, LocalDate.now(clock)));
        // tiers A 35 %, B 45 %, C 17 %, D 3 %; risk red 2 %, orange 8 %, yellow 35 %, blue 53 %, not assessed 2 %
        jdbc.update("INSERT INTO credit_results (enterprise_id, score, tier, score_tier, measures, indicators, vetoes,"
                + " fired_rules, rule_set_version, evaluated_at, content_hash)"
                + " SELECT id, 80, t, t, '{}', '[]', '[]', '[]', 'benchmark', CURRENT_TIMESTAMP(3), 0 FROM ("
                + " SELECT id, CASE WHEN MOD(id * 7919, 100) < 35 THEN 'A' WHEN MOD(id * 7919, 100) < 80 THEN 'B'"
                + " WHEN MOD(id * 7919, 100) < 97 THEN 'C' ELSE 'D' END AS t FROM enterprises) x");
        jdbc.update(
                "INSERT INTO risk_results (enterprise_id, level, reasons, fired_rules, rule_set_version, evaluated_at)"
                        + " SELECT id, l, '[]', '[]', 'benchmark', CURRENT_TIMESTAMP(3) FROM ("
                        + " SELECT id, CASE WHEN MOD(id * 104729, 100) < 2 THEN 'RED' WHEN MOD(id * 104729, 100) < 10"
                        + " THEN 'ORANGE' WHEN MOD(id * 104729, 100) < 45 THEN 'YELLOW' WHEN MOD(id * 104729, 100) < 98"
                        + " THEN 'BLUE' END AS l FROM enterprises) x WHERE l IS NOT NULL");
    }

    private void measure(
            int run,
            String provinceCode,
            LocalDate nextQuarter,
            List<PlanRequest.InspectorRequest> inspectors,
            long seed) {
        PlanRequest request = new PlanRequest(
                provinceCode, new PlanRequest.Period(PlanPeriod.Kind.QUARTER, nextQuarter), inspectors, seed);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        var threads = ManagementFactory.getThreadMXBean();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        PlanView plan;
        int connections;
        try (ConnectionsInUse inUse = new ConnectionsInUse(pool())) {
            plan = plans.create(request, "benchmark");
            connections = inUse.most();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // on a shared machine wall time depends on the others: the service thread's own CPU time does not
        // (the database's work is not in it)
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "run %d: plan %d, %,d items (%,d mandatory, %,d random), %d warnings, in %.2f s (%.2f s CPU in the"
                        + " service thread, load average %.1f), peak heap %,d MiB (sum of pool peaks), at most %d of the"
                        + " pool's %d connections in use%n",
                run,
                plan.id(),
                plan.counts().total(),
                plan.counts().mandatory(),
                plan.counts().random(),
                plan.warnings().size(),
                seconds,
                cpuSeconds,
                load,
                peakHeap / (1024 * 1024),
                connections,
                pool().getMaximumPoolSize());
        plan.warnings().forEach(w -> System.out.println("  warning: " + w));
    }

    private HikariDataSource pool() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the benchmark reads the connection pool's figures from Hikari", e);
        }
    }

    /**
     * The most connections the pool had lent at once while open, sampled every millisecond: what a plan holds,
     * and so what it leaves to the requests served beside it.
     */
    private static final class ConnectionsInUse implements AutoCloseable {

        private final AtomicInteger most = new AtomicInteger();
        private final Thread sampler;

        ConnectionsInUse(HikariDataSource pool) {
            sampler = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            most.accumulateAndGet(pool.getHikariPoolMXBean().getActiveConnections(), Math::max);
                            try {
                                Thread.sleep(1);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "connections-in-use");
            sampler.setDaemon(true);
            sampler.start();
        }

        int most() {
            return most.get();
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }

    /** Inspectors per county in proportion to its enterprises, one at least; capacity 60 a quarter each. */
    private List<PlanRequest.InspectorRequest> inspectors(int count) {
        List<Map<String, Object>> counties = jdbc.queryForList(
                "SELECT region_code, COUNT(*) AS n FROM enterprises GROUP BY region_code ORDER BY region_code");
        long total = counties.stream()
                .mapToLong(c -> ((Number) c.get("n")).longValue())
                .sum();
        List<PlanRequest.InspectorRequest> inspectors = new ArrayList<>(count);
        int next = 0;
        for (Map<String, Object> county : counties) {
            String region = (String) county.get("region_code");
            long share = Math.max(1, Math.round((double) count * ((Number) county.get("n")).longValue() / total));
            for (int i = 0; i < share && next < count; i++) {
                inspectors.add(
                        new PlanRequest.InspectorRequest("INS-" + (++next), "检查员" + next, region, 60, List.of()));
            }
        }
        while (next < count) {
            String region = (String) counties.get(next % counties.size()).get("region_code");
            inspectors.add(new PlanRequest.InspectorRequest("INS-" + (++next), "检查员" + next, region, 60, List.of()));
        }
        return inspectors;
    }
}

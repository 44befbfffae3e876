package org.safereg.credit;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.LocalDate;
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
 * The credit benchmark (scripts/benchmark-credit.sh): replaces the database's enterprises with a
 * synthetic province of {@code safereg.benchmark.enterprises}, runs the full credit evaluation into
 * MySQL and the read model, prints wall time, enterprises per second and peak heap, and exits.
 */
@Component
@Order(1000)
@ConditionalOnProperty("safereg.benchmark.enterprises")
class CreditBenchmark implements ApplicationRunner {

    private final SyntheticProvince province;
    private final CreditEvaluations evaluations;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    CreditBenchmark(
            JdbcTemplate jdbc,
            SyntheticProvince province,
            CreditEvaluations evaluations,
            ConfigurableApplicationContext context,
            Clock clock) {
        this.jdbc = jdbc;
        this.province = province;
        this.evaluations = evaluations;
        this.context = context;
        this.clock = clock;
    }

    private void measure(String kind, int run) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        CreditJobRecord job = evaluations.runNow("BENCHMARK", "benchmark");
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "run %d (%s): %s, %,d enterprises (%,d changed, %d failed) in %.2f s = %,.0f enterprises/s,"
                        + " peak heap %,d MiB (sum of pool peaks)%n",
                run,
                kind,
                job.state(),
                job.processed(),
                job.changed(),
                job.failed(),
                seconds,
                job.processed() / seconds,
                peakHeap / (1024 * 1024));
    }

    @Override
    public void run(ApplicationArguments args) {
        int enterprises = context.getEnvironment().getRequiredProperty("safereg.benchmark.enterprises", Integer.class);
        int runs = Math.max(3, context.getEnvironment().getProperty("safereg.benchmark.runs", Integer.class, 4));
        long seed = context.getEnvironment().getProperty("safereg.benchmark.seed", Long.class, 20260101L);

        System.out.printf("%nSafeReg credit benchmark: %,d enterprises, %d runs%n", enterprises, runs);
        long generateStarted = System.nanoTime();
        province.clear();
        var summary = province.generate(enterprises, seed, LocalDate.now(clock));
        System.out.printf(
                "generated the synthetic province in %.1f s: %s%n",
                (System.nanoTime() - generateStarted) / 1e9, summary);

        // cold: every result new; then unchanged re-evaluations; then every result new again on a warm JVM
        // (as after a rule-set change that moves every score)
        measure("cold, all results new", 1);
        for (int run = 2; run < runs; run++) {
            measure("unchanged", run);
        }
        jdbc.update("DELETE FROM credit_history");
        jdbc.update("DELETE FROM credit_results");
        measure("warm, all results new", runs);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}

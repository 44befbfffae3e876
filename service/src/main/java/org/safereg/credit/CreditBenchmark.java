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

    CreditBenchmark(
            SyntheticProvince province,
            CreditEvaluations evaluations,
            ConfigurableApplicationContext context,
            Clock clock) {
        this.province = province;
        this.evaluations = evaluations;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int enterprises = context.getEnvironment().getRequiredProperty("safereg.benchmark.enterprises", Integer.class);
        int runs = context.getEnvironment().getProperty("safereg.benchmark.runs", Integer.class, 3);
        long seed = context.getEnvironment().getProperty("safereg.benchmark.seed", Long.class, 20260101L);

        System.out.printf("%nSafeReg credit benchmark: %,d enterprises, %d runs%n", enterprises, runs);
        long generateStarted = System.nanoTime();
        province.clear();
        var summary = province.generate(enterprises, seed, LocalDate.now(clock));
        System.out.printf(
                "generated the synthetic province in %.1f s: %s%n",
                (System.nanoTime() - generateStarted) / 1e9, summary);

        for (int run = 1; run <= runs; run++) {
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
                    "run %d: %s, %,d enterprises (%,d changed, %d failed) in %.2f s = %,.0f enterprises/s,"
                            + " peak heap %,d MiB (sum of pool peaks)%n",
                    run,
                    job.state(),
                    job.processed(),
                    job.changed(),
                    job.failed(),
                    seconds,
                    job.processed() / seconds,
                    peakHeap / (1024 * 1024));
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}

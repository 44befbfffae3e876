package org.safereg.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.safereg.jobs.Partitions;
import org.safereg.province.SyntheticProvince;
import org.safereg.risk.RiskRounds;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The partitions benchmark (scripts/benchmark-partitions.sh): on a synthetic province of
 * {@code safereg.benchmark.partitions.enterprises} (generated unless {@code safereg.benchmark.reuse}), runs
 * full credit and risk recomputes, a few rounds each, from this instance; the other instances that take part are
 * whatever other SafeReg processes with {@code safereg.partitions.enabled} share the database.
 * {@code safereg.benchmark.warmup} rounds of each come first, unmeasured, so that every instance taking part has
 * compiled its hot code (the JIT of a fresh JVM keeps a core busy for the first rounds). Every round starts with
 * an empty decision feed and history, and with {@code safereg.benchmark.results}: {@code new} (the default) no
 * results, so that every result is inserted, as in a province's first run; {@code changed} the previous round's
 * results, each made to differ (another tier or level and content hash), so that every result is rewritten in
 * place and every decision changes, as when a new rule-set version moves them all. A split run inserts a city's
 * results all over the id range, which costs MySQL more than inserting them in id order; rewriting them in place
 * does not. Prints one {@code BENCH} line per measured run (wall time, enterprises/s, which instances took how many
 * cities) and exits.
 */
@Component
@Order(1000)
@ConditionalOnProperty("safereg.benchmark.partitions.enterprises")
class PartitionBenchmark implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final SyntheticProvince province;
    private final CreditEvaluations evaluations;
    private final RiskRounds risk;
    private final Partitions partitions;
    private final ConfigurableApplicationContext context;
    private final Clock clock;

    PartitionBenchmark(
            JdbcTemplate jdbc,
            SyntheticProvince province,
            CreditEvaluations evaluations,
            RiskRounds risk,
            Partitions partitions,
            ConfigurableApplicationContext context,
            Clock clock) {
        this.jdbc = jdbc;
        this.province = province;
        this.evaluations = evaluations;
        this.risk = risk;
        this.partitions = partitions;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var env = context.getEnvironment();
        int enterprises = env.getRequiredProperty("safereg.benchmark.partitions.enterprises", Integer.class);
        int rounds = env.getProperty("safereg.benchmark.runs", Integer.class, 3);
        int warmup = env.getProperty("safereg.benchmark.warmup", Integer.class, 0);
        String label = env.getProperty("safereg.benchmark.label", "run");
        boolean changed =
                switch (env.getProperty("safereg.benchmark.results", "new")) {
                    case "new" -> false;
                    case "changed" -> true;
                    default -> throw new IllegalArgumentException("safereg.benchmark.results is new or changed");
                };
        if (!env.getProperty("safereg.benchmark.reuse", Boolean.class, false)) {
            long started = System.nanoTime();
            province.clear();
            var summary = province.generate(enterprises, 20260101L, LocalDate.now(clock));
            System.out.printf(
                    "generated the synthetic province in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, summary);
        }
        System.out.printf(
                "%nSafeReg partitions benchmark (%s): %,d enterprises in %d cities, partitions %s, results %s, %d rounds"
                        + " after %d warm-up%n",
                label,
                jdbc.queryForObject("SELECT COUNT(*) FROM enterprises", Integer.class),
                jdbc.queryForObject("SELECT COUNT(DISTINCT LEFT(region_code, 4)) FROM enterprises", Integer.class),
                partitions.enabled() ? "on" : "off",
                changed ? "changed" : "new",
                rounds,
                warmup);
        for (int round = 1 - warmup; round <= rounds; round++) {
            jdbc.update("TRUNCATE TABLE decision_changes");
            prepareCredit(changed);
            if (changed) {
                awaitPurge();
            }
            long started = System.nanoTime();
            CreditJobRecord job = evaluations.runNow("BENCHMARK", "benchmark");
            report(label, "credit", round, job.processed(), started, "CREDIT_EVALUATION", job.id());
        }
        for (int round = 1 - warmup; round <= rounds; round++) {
            jdbc.update("TRUNCATE TABLE decision_changes");
            risk.prepare(changed);
            if (changed) {
                awaitPurge();
            }
            long started = System.nanoTime();
            int decided = risk.run();
            Long run = jdbc.queryForObject("SELECT MAX(id) FROM risk_runs", Long.class);
            report(label, "risk", round, decided, started, "RISK_RECOMPUTE", run);
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** Credit's side of {@link RiskRounds#prepare}: the history emptied, the results emptied or made to differ. */
    private void prepareCredit(boolean changed) {
        jdbc.update("TRUNCATE TABLE credit_history");
        if (changed) {
            jdbc.update("UPDATE credit_results SET content_hash = CASE content_hash WHEN 0 THEN 1 ELSE 0 END, tier ="
                    + " CASE tier WHEN 'A' THEN 'B' ELSE 'A' END");
        } else {
            jdbc.update("TRUNCATE TABLE credit_results");
        }
    }

    /**
     * Waits (at most a minute) until InnoDB has purged what the last bulk update left behind, so that the run
     * measured next does not pay for it.
     */
    private void awaitPurge() {
        long until = System.nanoTime() + 60_000_000_000L;
        try {
            while (System.nanoTime() < until) {
                Long history = jdbc.queryForObject(
                        "SELECT COUNT FROM information_schema.INNODB_METRICS WHERE NAME = 'trx_rseg_history_len'",
                        Long.class);
                if (history == null || history < 1000) {
                    return;
                }
                Thread.sleep(200);
            }
            System.out.println("InnoDB's purge did not catch up within a minute; measuring anyway");
        } catch (DataAccessException e) {
            System.out.println("Cannot read InnoDB's history length (" + e.getMessage()
                    + "); measuring without waiting for the purge");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(String label, String what, int round, long decided, long started, String kind, Long run) {
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Map<String, Object>> owners = jdbc.queryForList(
                "SELECT owner, COUNT(*) AS cities, SUM(items) AS enterprises FROM job_partitions WHERE kind = ? AND"
                        + " run_id = ? GROUP BY owner ORDER BY owner",
                kind,
                run);
        System.out.printf(
                (round < 1 ? "warm-up" : "BENCH")
                        + " %s %s round %d: %,d enterprises in %.2f s = %,.0f enterprises/s; instances %d %s%n",
                label,
                what,
                round,
                decided,
                seconds,
                decided / seconds,
                Math.max(1, owners.size()),
                owners.stream()
                        .map(o -> o.get("cities") + " cities/" + o.get("enterprises") + " enterprises")
                        .toList());
    }
}

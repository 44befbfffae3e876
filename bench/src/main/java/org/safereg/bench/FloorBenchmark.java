package org.safereg.bench;

import io.lettuce.core.RedisURI;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.safereg.credit.CreditFloor;
import org.safereg.province.SyntheticProvince;
import org.safereg.risk.RiskFloor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The floor benchmark (scripts/benchmark-floor.sh): on one synthetic province, in one run, the I/O floor
 * ({@link IoFloor}) and the service's full credit run and risk recompute, each cold (the first run in the
 * JVM) and warm, every result new each time; prints each run's wall time, the ratio to the floor (the
 * faster of the floor's two runs of that kind), the peak heap and the live heap after collections, and
 * the load average around each run, then exits.
 */
@Component
@Order(1000)
@ConditionalOnProperty("safereg.benchmark.floor.enterprises")
class FloorBenchmark implements ApplicationRunner {

    private final SyntheticProvince province;
    private final CreditFloor credit;
    private final RiskFloor risk;
    private final JdbcTemplate jdbc;
    private final ConfigurableApplicationContext context;
    private final Clock clock;

    FloorBenchmark(
            SyntheticProvince province,
            CreditFloor credit,
            RiskFloor risk,
            JdbcTemplate jdbc,
            ConfigurableApplicationContext context,
            Clock clock) {
        this.province = province;
        this.credit = credit;
        this.risk = risk;
        this.jdbc = jdbc;
        this.context = context;
        this.clock = clock;
    }

    /** One measured run. */
    record Measured(String what, int enterprises, double seconds, long peakHeapMiB, long liveHeapMiB, String load) {}

    @Override
    public void run(ApplicationArguments args) {
        Environment env = context.getEnvironment();
        int enterprises = env.getRequiredProperty("safereg.benchmark.floor.enterprises", Integer.class);
        boolean reuse = env.getProperty("safereg.benchmark.reuse", Boolean.class, false);
        String only = env.getProperty("safereg.benchmark.floor.only", "credit,risk");
        System.out.printf(
                "%nSafeReg floor benchmark: %,d enterprises, %d cores, max heap %,d MiB, load average %s%n",
                enterprises,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                load());
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM enterprises", Integer.class);
        if (reuse && existing != null && existing == enterprises) {
            System.out.printf("reusing the province of %,d enterprises already in the database%n", existing);
        } else {
            long started = System.nanoTime();
            province.clear();
            var summary = province.generate(enterprises, 20260101L, LocalDate.now(clock));
            System.out.printf(
                    "generated the synthetic province in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, summary);
            long alarmsStarted = System.nanoTime();
            int alarms = addAlarms();
            System.out.printf("added %,d open alarms in %.1f s%n", alarms, (System.nanoTime() - alarmsStarted) / 1e9);
        }
        IoFloor floor = new IoFloor(
                env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username", "root"),
                env.getProperty("spring.datasource.password", ""),
                RedisURI.builder()
                        .withHost(env.getProperty("spring.data.redis.host", "127.0.0.1"))
                        .withPort(env.getProperty("spring.data.redis.port", Integer.class, 6379))
                        .withDatabase(env.getProperty("spring.data.redis.database", Integer.class, 0))
                        .build(),
                credit.pageSize());
        if (env.getProperty("safereg.benchmark.floor.fresh-jvm", Boolean.class, false)) {
            freshFloor(only, floor);
            System.exit(SpringApplication.exit(context, () -> 0));
            return;
        }
        credit.prepare();
        risk.prepare();
        List<Measured> all = new ArrayList<>();
        if (only.contains("credit")) {
            all.addAll(compare("credit", credit::deleteResults, credit::runService, credit::kind, floor));
        }
        if (only.contains("risk")) {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM credit_results", Integer.class) == 0) {
                credit.runService();
            }
            // the recomputes that the credit runs' tier changes asked for are covered by the full runs below
            all.addAll(compare("risk", risk::deleteResults, risk::runService, risk::kind, floor));
        }
        System.out.printf("%nsummary (%,d enterprises):%n", enterprises);
        all.forEach(m -> System.out.printf(
                Locale.ROOT,
                "  %-22s %8.2f s  %,9.0f enterprises/s  peak heap %,5d MiB  live after GC %,5d MiB  load %s%n",
                m.what(),
                m.seconds(),
                m.enterprises() / m.seconds(),
                m.peakHeapMiB(),
                m.liveHeapMiB(),
                m.load()));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /**
     * The service cold, the floor, the service warm, the floor again (each starting with the results
     * deleted, so each writes every result new); then the service over the floor's stand-in results (every
     * result there and every one changed) and once more, when every result is unchanged. The floor's stand-in results take the stored results'
     * sizes from the service's first run.
     */
    private List<Measured> compare(
            String kind, Runnable deleteResults, IntSupplier service, Supplier<IoFloor.Kind> floorKind, IoFloor floor) {
        List<Measured> runs = new ArrayList<>();
        deleteResults.run();
        Measured cold = measure(kind + " SafeReg cold", service);
        runs.add(cold);
        IoFloor.Kind io = floorKind.get();
        deleteResults.run();
        Measured floor1 = measure(kind + " floor", () -> report(floor.run(io)));
        runs.add(floor1);
        deleteResults.run();
        Measured warm = measure(kind + " SafeReg warm", service);
        runs.add(warm);
        deleteResults.run();
        Measured floor2 = measure(kind + " floor", () -> report(floor.run(io)));
        runs.add(floor2);
        // over the floor's stand-in results: every result is there and every one changes, as when a new
        // rule-set version moves every score
        Measured changed = measure(kind + " SafeReg changed", service);
        runs.add(changed);
        Measured unchanged = measure(kind + " SafeReg unchanged", service);
        runs.add(unchanged);
        double best = Math.min(floor1.seconds(), floor2.seconds());
        System.out.printf(
                Locale.ROOT,
                "%s: floor %.2f s (best of %.2f, %.2f); SafeReg cold %.2f s = %.2fx the floor, warm %.2f s = %.2fx"
                        + " the floor (target <= 1.5x); changed %.2f s = %.2fx; unchanged %.2f s = %.2fx%n",
                kind,
                best,
                floor1.seconds(),
                floor2.seconds(),
                cold.seconds(),
                cold.seconds() / best,
                warm.seconds(),
                warm.seconds() / best,
                changed.seconds(),
                changed.seconds() / best,
                unchanged.seconds(),
                unchanged.seconds() / best);
        return runs;
    }

    /**
     * The floor's own cold run: the first in a JVM of its own, on the province and with the result sizes an
     * earlier run of this benchmark left. In the main run the floor comes after SafeReg's cold run and finds
     * the JDBC driver, Lettuce and the JDK already compiled by it; a cold run is compared with this one.
     */
    private void freshFloor(String only, IoFloor floor) {
        if (only.contains("credit")) {
            IoFloor.Kind io = credit.kind();
            credit.deleteResults();
            measure("credit floor cold", () -> report(floor.run(io)));
        }
        if (only.contains("risk")) {
            IoFloor.Kind io = risk.kind();
            risk.deleteResults();
            measure("risk floor cold", () -> report(floor.run(io)));
        }
    }

    private static int report(IoFloor.Result result) {
        System.out.printf(
                Locale.ROOT,
                "    floor: %,d enterprises in %.2f s (read %.2f s, MySQL %.2f s, Redis %.2f s; stages overlap)%n",
                result.enterprises(),
                result.seconds(),
                result.readSeconds(),
                result.mysqlSeconds(),
                result.redisSeconds());
        return result.enterprises();
    }

    private Measured measure(String what, IntSupplier run) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        String loadBefore = load();
        AtomicLong live = new AtomicLong();
        Thread sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        live.accumulateAndGet(liveAfterGc(), Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        int enterprises = run.getAsInt();
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        live.accumulateAndGet(liveAfterGc(), Math::max);
        Measured measured =
                new Measured(what, enterprises, seconds, peak >> 20, live.get() >> 20, loadBefore + " -> " + load());
        System.out.printf(
                Locale.ROOT,
                "  %s: %,d enterprises in %.2f s = %,.0f enterprises/s, peak heap %,d MiB, live after GC %,d MiB,"
                        + " load %s (%s)%n",
                what,
                enterprises,
                seconds,
                enterprises / seconds,
                measured.peakHeapMiB(),
                measured.liveHeapMiB(),
                measured.load(),
                Instant.now(clock));
        return measured;
    }

    /** Heap in use after the last collection of each pool that has one: what the run keeps reachable. */
    private static long liveAfterGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .filter(pool -> !pool.getName().contains("Eden"))
                .mapToLong(pool -> pool.getCollectionUsage().getUsed())
                .sum();
    }

    private static String load() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One gas detector on every 20th enterprise, an open alarm of level 0-3 on every 40th (as the risk benchmark). */
    private int addAlarms() {
        jdbc.update("DELETE FROM alarm_events");
        jdbc.update("DELETE FROM alarms");
        jdbc.update("DELETE FROM monitoring_points");
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now(clock));
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
}

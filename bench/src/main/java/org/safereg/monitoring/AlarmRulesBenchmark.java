package org.safereg.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleInProgress;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetSources;

/**
 * Readings per second through the engine path that ingestion uses (decisions filled by the shipped
 * alarm-thresholds.xlsx, then classified), in batches of 10,000 and one reading per session, against
 * the same GB/T 50493 and tank setpoints written as plain Java (the ceiling). Beside them, in the same
 * run, raw Drools on the same rules: the DRL generated from alarm-thresholds.xlsx (and, in a second base,
 * with the alarm DRL files, every rule that matches a reading) compiled into a base of its own and
 * executed in a plain stateless session with no listener, with the one session option SafeReg sets (not
 * thread-safe: one thread per evaluation): what SafeReg's wrapper costs is the gap
 * between {@code droolsBatchOf10000} and {@code rawDroolsAlarmRulesBatchOf10000}. Run with
 * scripts/benchmark-engine.sh; the test suite never runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AlarmRulesBenchmark {

    static final int BATCH = 10_000;
    /** The session option SafeReg's sessions have (RuleSetSnapshot): one thread per evaluation. */
    private static final KieSessionConfiguration ONE_THREAD = oneThread();

    private RuleSetSnapshot rules;
    private KieBase rawTable;
    private KieBase rawAlarmRules;
    private MonitoringPoint[] points;
    private double[] values;
    private Instant at;
    private int next;

    @Setup
    public void setUp() {
        List<RuleFile> files = RuleSetSources.load(null);
        rules = new RuleEngine(Clock.systemUTC()).compile(files);
        String table = rules.generatedDrl().entrySet().stream()
                .filter(e -> e.getKey().endsWith("alarm-thresholds.xlsx"))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
        List<String> alarmDrl = new ArrayList<>(List.of(table));
        files.stream()
                .filter(f -> f.isDrl() && f.fileName().startsWith("alarm-"))
                .forEach(f -> alarmDrl.add(new String(f.content(), java.nio.charset.StandardCharsets.UTF_8)));
        rawTable = rawBase(List.of(table));
        rawAlarmRules = rawBase(alarmDrl);
        at = Instant.parse("2026-11-28T08:00:00Z");
        points = new MonitoringPoint[] {
            point(1, "COMBUSTIBLE_GAS", "GAS_DETECTOR", "%LEL", null, null),
            point(2, "TOXIC_GAS", "GAS_DETECTOR", "mg/m3", null, new BigDecimal("10")),
            point(3, "OXYGEN", "GAS_DETECTOR", "%VOL", null, null),
            point(4, "TANK_LEVEL", "STORAGE_TANK", "%", new BigDecimal("100"), null)
        };
        // a realistic mix: mostly normal values, some over level 1 or level 2
        SplittableRandom random = new SplittableRandom(42);
        values = new double[BATCH * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> random.nextDouble(0, 60);
                case 1 -> random.nextDouble(0, 25);
                case 2 -> random.nextDouble(18.5, 24.5);
                default -> random.nextDouble(40, 100);
            };
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int droolsBatchOf10000() {
        List<AlarmDecision> decisions = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            decisions.add(decision(i));
        }
        AlarmRules.decide(rules, decisions, List.of());
        int alarms = 0;
        for (AlarmDecision decision : decisions) {
            if (!decision.classify(AlarmDecision.NORMAL, null).normal()) {
                alarms++;
            }
        }
        return alarms;
    }

    /** The generated DRL of the thresholds table alone, in a plain stateless session. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int rawDroolsTableBatchOf10000() {
        return raw(rawTable);
    }

    /** Every rule that matches a reading (the table and the alarm DRL files), in a plain stateless session. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int rawDroolsAlarmRulesBatchOf10000() {
        return raw(rawAlarmRules);
    }

    private int raw(KieBase base) {
        List<AlarmDecision> decisions = new ArrayList<>(BATCH);
        RuleInProgress slot = RuleInProgress.onThisThread();
        for (int i = 0; i < BATCH; i++) {
            AlarmDecision decision = decision(i);
            // as AlarmRules hands it over, so that the facts' own work is the same on both sides
            decision.evaluatedWith(slot);
            decisions.add(decision);
        }
        base.newStatelessKieSession(ONE_THREAD).execute(decisions);
        int alarms = 0;
        for (AlarmDecision decision : decisions) {
            if (!decision.classify(AlarmDecision.NORMAL, null).normal()) {
                alarms++;
            }
        }
        return alarms;
    }

    /**
     * SafeReg's batch and raw Drools' batch in turn, round after round on one thread, so that a machine
     * whose load changes from second to second slows both alike: prints the median readings per second of
     * each and the median of the rounds' ratios; then the same from the thread's CPU time, which time spent
     * waiting for a core leaves out (garbage collection on other threads is left out too, so these figures are
     * higher than the wall-clock ones). {@code args}: rounds (default 200), warm-up rounds (50).
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        AlarmRulesBenchmark bench = new AlarmRulesBenchmark();
        bench.setUp();
        double[] safereg = new double[rounds];
        double[] raw = new double[rounds];
        double[] ratio = new double[rounds];
        double[] saferegCpu = new double[rounds];
        double[] rawCpu = new double[rounds];
        double[] ratioCpu = new double[rounds];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = -warmup; round < rounds; round++) {
            long startedCpu = cpu.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            sink += bench.droolsBatchOf10000();
            long between = System.nanoTime();
            long betweenCpu = cpu.getCurrentThreadCpuTime();
            sink += bench.rawDroolsAlarmRulesBatchOf10000();
            long ended = System.nanoTime();
            long endedCpu = cpu.getCurrentThreadCpuTime();
            if (round >= 0) {
                safereg[round] = BATCH / ((between - started) / 1e9);
                raw[round] = BATCH / ((ended - between) / 1e9);
                ratio[round] = safereg[round] / raw[round];
                saferegCpu[round] = BATCH / ((betweenCpu - startedCpu) / 1e9);
                rawCpu[round] = BATCH / ((endedCpu - betweenCpu) / 1e9);
                ratioCpu[round] = saferegCpu[round] / rawCpu[round];
            }
        }
        for (double[] figures : List.of(safereg, raw, ratio, saferegCpu, rawCpu, ratioCpu)) {
            java.util.Arrays.sort(figures);
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "side by side, %d rounds of %,d readings each (after %d warm-up rounds), load average %.2f:%n"
                        + "  SafeReg   median %,.0f readings/s (p25 %,.0f, p75 %,.0f)%n"
                        + "  raw Drools median %,.0f readings/s (p25 %,.0f, p75 %,.0f)%n"
                        + "  SafeReg / raw Drools: median %.3f (p25 %.3f, p75 %.3f)  [alarms counted: %d]%n"
                        + "by the thread's CPU time:%n"
                        + "  SafeReg   median %,.0f readings/s (p25 %,.0f, p75 %,.0f)%n"
                        + "  raw Drools median %,.0f readings/s (p25 %,.0f, p75 %,.0f)%n"
                        + "  SafeReg / raw Drools: median %.3f (p25 %.3f, p75 %.3f)%n",
                rounds,
                BATCH,
                warmup,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                safereg[rounds / 2],
                safereg[rounds / 4],
                safereg[3 * rounds / 4],
                raw[rounds / 2],
                raw[rounds / 4],
                raw[3 * rounds / 4],
                ratio[rounds / 2],
                ratio[rounds / 4],
                ratio[3 * rounds / 4],
                sink,
                saferegCpu[rounds / 2],
                saferegCpu[rounds / 4],
                saferegCpu[3 * rounds / 4],
                rawCpu[rounds / 2],
                rawCpu[rounds / 4],
                rawCpu[3 * rounds / 4],
                ratioCpu[rounds / 2],
                ratioCpu[rounds / 4],
                ratioCpu[3 * rounds / 4]);
        System.exit(0);
    }

    private static KieSessionConfiguration oneThread() {
        KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
        configuration.setOption(ThreadSafeOption.NO);
        return configuration;
    }

    private static KieBase rawBase(List<String> drls) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("org.safereg.bench", "raw-alarm-rules", "0.0." + drls.size());
        kfs.generateAndWritePomXML(releaseId);
        for (int i = 0; i < drls.size(); i++) {
            kfs.write("src/main/resources/org/safereg/monitoring/raw" + i + ".drl", drls.get(i));
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException(builder.getResults().toString());
        }
        return kie.newKieContainer(releaseId).getKieBase();
    }

    @Benchmark
    public int droolsOneReadingPerSession() {
        AlarmDecision decision = decision(next++ % values.length);
        AlarmRules.decide(rules, List.of(decision), List.of());
        return decision.classify(AlarmDecision.NORMAL, null).level();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int plainJava() {
        int alarms = 0;
        for (int i = 0; i < BATCH; i++) {
            MonitoringPoint point = points[i % points.length];
            if (plainLevel(point, values[i]) >= 0) {
                alarms++;
            }
        }
        return alarms;
    }

    /** The shipped table's setpoints for these four metrics, by hand. */
    private static int plainLevel(MonitoringPoint point, double value) {
        return switch (point.metric()) {
            case "COMBUSTIBLE_GAS" -> value >= 50 ? 2 : value >= 25 ? 1 : -1;
            case "TOXIC_GAS" -> {
                double percentOfOel = 100 * value / point.oel().doubleValue();
                yield percentOfOel >= 200 ? 2 : percentOfOel >= 100 ? 1 : -1;
            }
            case "OXYGEN" -> value <= 19.5 || value >= 23.5 ? 2 : -1;
            case "TANK_LEVEL" -> {
                double percentOfRated = 100 * value / point.ratedLimit().doubleValue();
                yield percentOfRated >= 95 ? 2 : percentOfRated >= 90 ? 1 : -1;
            }
            default -> -1;
        };
    }

    private AlarmDecision decision(int i) {
        return new AlarmDecision(points[i % points.length], values[i], at, 0, 0, List.of());
    }

    private static MonitoringPoint point(
            long id, String metric, String equipmentType, String unit, BigDecimal rated, BigDecimal oel) {
        return new MonitoringPoint(
                id,
                "P-" + id,
                1,
                "91140100MA0L3XXX1X",
                "140105",
                "HAZARDOUS_CHEMICALS",
                equipmentType,
                "E-" + id,
                "equipment " + id,
                "U-1",
                metric,
                unit,
                rated,
                oel,
                Instant.EPOCH);
    }
}

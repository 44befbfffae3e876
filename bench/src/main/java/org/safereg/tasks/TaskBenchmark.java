package org.safereg.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.safereg.changes.DecisionChanges;
import org.safereg.engine.FiredRule;
import org.safereg.province.SyntheticProvince;
import org.safereg.system.DecisionMeter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task benchmark (scripts/benchmark-tasks.sh): opens tasks the way decisions do (one transaction each,
 * from several threads) while the relay runs, and prints tasks created per second, the lag from the
 * decision to the stream entry (p50, p99, max), the relay's own rate on a backlog, and what happens while
 * Redis is unreachable (a relay pointed at a closed port) and once it is back. Then it exits.
 */
@Component
@Order(1000)
@ConditionalOnProperty("safereg.benchmark.tasks")
class TaskBenchmark implements ApplicationRunner {

    private final ConfigurableApplicationContext context;
    private final SyntheticProvince province;
    private final EnforcementTasks tasks;
    private final TaskRelay relay;
    private final TaskMapper mapper;
    private final TransactionTemplate transactions;
    private final StringRedisTemplate redis;
    private final TaskProperties properties;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    TaskBenchmark(
            ConfigurableApplicationContext context,
            SyntheticProvince province,
            EnforcementTasks tasks,
            TaskRelay relay,
            TaskMapper mapper,
            TransactionTemplate transactions,
            StringRedisTemplate redis,
            TaskProperties properties,
            JdbcTemplate jdbc,
            ObjectMapper json,
            Clock clock) {
        this.context = context;
        this.province = province;
        this.tasks = tasks;
        this.relay = relay;
        this.mapper = mapper;
        this.transactions = transactions;
        this.redis = redis;
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int count = context.getEnvironment().getRequiredProperty("safereg.benchmark.tasks", Integer.class);
        int threads = context.getEnvironment().getProperty("safereg.benchmark.threads", Integer.class, 4);
        int downSeconds = context.getEnvironment().getProperty("safereg.benchmark.down-seconds", Integer.class, 10);
        System.out.printf(
                "%nSafeReg task benchmark: %,d tasks from %d threads, stream %s%n",
                count, threads, properties.stream());
        province.generate(1000, 20260101L, LocalDate.now(clock));
        List<Long> enterprises = jdbc.queryForList("SELECT id FROM enterprises ORDER BY id", Long.class);
        redis.delete(properties.stream());

        // 1. decisions open tasks; each commit nudges the relay, which runs beside them
        long started = System.nanoTime();
        open(tasks, count, threads, enterprises, "live");
        double createSeconds = (System.nanoTime() - started) / 1e9;
        while (mapper.countPending() > 0 || relay.busy()) {
            relay.relayAll();
        }
        double allRelayedSeconds = (System.nanoTime() - started) / 1e9;
        List<Long> lags = lags();
        System.out.printf(
                "created %,d tasks in %.2f s = %,.0f tasks/s (one transaction each, task + outbox row); all on the"
                        + " stream after %.2f s%n",
                count, createSeconds, count / createSeconds, allRelayedSeconds);
        System.out.printf(
                "lag decision -> stream entry: p50 %d ms, p99 %d ms, max %d ms over %,d entries%n",
                percentile(lags, 50), percentile(lags, 99), lags.get(lags.size() - 1), lags.size());

        // 2. the relay alone on a backlog (as after an outage): every entry undelivered again
        jdbc.update("UPDATE task_outbox SET delivered_at = NULL, stream_id = NULL");
        redis.delete(properties.stream());
        started = System.nanoTime();
        int relayed = relay.relayAll();
        double relaySeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "relayed a backlog of %,d entries in %.2f s = %,.0f entries/s (batches of %d, pipelined XADD)%n",
                relayed, relaySeconds, relayed / relaySeconds, properties.relayBatch());

        // 3. Redis unreachable: tasks keep being created, the outbox holds them, the relay catches up after
        TaskRelay down = new TaskRelay(mapper, closedPort(), transactions, json, clock, properties.relayBatch());
        EnforcementTasks whileDown = new EnforcementTasks(
                mapper,
                down,
                json,
                clock,
                DecisionMeter.of(new SimpleMeterRegistry(), "task"),
                new DecisionChanges(jdbc));
        redis.delete(properties.stream());
        jdbc.update("UPDATE task_outbox SET delivered_at = NOW(3)");
        Instant until = Instant.now().plus(Duration.ofSeconds(downSeconds));
        int createdWhileDown = 0;
        int failedRelays = 0;
        while (Instant.now().isBefore(until)) {
            createdWhileDown += open(whileDown, 200, threads, enterprises, "down-" + createdWhileDown);
            if (down.relayAll() == 0) {
                failedRelays++;
            }
        }
        int pending = mapper.countPending();
        System.out.printf(
                "Redis unreachable for %d s: %,d tasks created, %d relay attempts delivered nothing, %,d entries held"
                        + " in the outbox%n",
                downSeconds, createdWhileDown, failedRelays, pending);
        started = System.nanoTime();
        int caughtUp = relay.relayAll();
        double catchUpSeconds = (System.nanoTime() - started) / 1e9;
        Set<String> ids = new HashSet<>();
        int entries = 0;
        for (MapRecord<String, Object, Object> entry : all()) {
            ids.add(String.valueOf(entry.getValue().get("taskId")));
            entries++;
        }
        System.out.printf(
                "Redis back: relay caught up %,d entries in %.2f s; stream holds %,d entries for %,d distinct tasks"
                        + " (lost %d, duplicated %d)%n",
                caughtUp, catchUpSeconds, entries, ids.size(), createdWhileDown - ids.size(), entries - ids.size());
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private int open(EnforcementTasks through, int count, int threads, List<Long> enterprises, String run)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            LocalDate today = LocalDate.now(clock);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = thread; i < count; i += threads) {
                        NewTask task = new NewTask(
                                "ENFORCEMENT_INSPECTION",
                                NewTask.Subject.enterprise(enterprises.get(i % enterprises.size())),
                                new NewTask.Cause("MAJOR_HAZARD_OVERDUE", "benchmark:" + run + ":" + i),
                                new NewTask.Terms(1, today, today.plusDays(10), "WSL-102", true),
                                NewTask.Decision.byRule("0".repeat(64), new FiredRule("benchmark", null, 1)));
                        transactions.executeWithoutResult(status -> through.open(task));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return count;
        } finally {
            pool.shutdown();
        }
    }

    /** Per entry: the stream id's time (when Redis took it) minus the task's creation time. */
    private List<Long> lags() {
        List<Long> lags = new ArrayList<>();
        for (MapRecord<String, Object, Object> entry : all()) {
            long appended = entry.getId().getTimestamp();
            long created = Instant.parse(String.valueOf(entry.getValue().get("createdAt")))
                    .toEpochMilli();
            lags.add(appended - created);
        }
        Collections.sort(lags);
        return lags;
    }

    private List<MapRecord<String, Object, Object>> all() {
        List<MapRecord<String, Object, Object>> all = new ArrayList<>();
        String from = "-";
        while (true) {
            List<MapRecord<String, Object, Object>> page = redis.opsForStream()
                    .range(
                            properties.stream(),
                            Range.closed(from, "+"),
                            org.springframework.data.redis.connection.Limit.limit()
                                    .count(10_000));
            if (page == null || page.isEmpty()) {
                return all;
            }
            for (MapRecord<String, Object, Object> record : page) {
                if (!record.getId().getValue().equals(from)) {
                    all.add(record);
                }
            }
            String last = page.get(page.size() - 1).getId().getValue();
            if (last.equals(from)) {
                return all;
            }
            from = last;
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static TaskStream closedPort() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofMillis(500))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        return new RedisTaskStream(new StringRedisTemplate(factory), "safereg:unreachable", "dispatch");
    }
}

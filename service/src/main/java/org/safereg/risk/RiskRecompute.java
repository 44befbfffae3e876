package org.safereg.risk;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetActivated;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.enterprise.EnterpriseFactsChanged;
import org.safereg.jobs.JobKind;
import org.safereg.jobs.JobRun;
import org.safereg.jobs.Jobs;
import org.safereg.jobs.PartitionWork;
import org.safereg.jobs.Partitions;
import org.safereg.system.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Recomputes the risk of the enterprises whose facts changed, after the change is committed and off the
 * thread that made it. Changes arriving within {@code safereg.risk.coalesce} of each other are recomputed
 * together (a readings batch can touch hundreds of enterprises, a credit run all of them); more than
 * {@code safereg.risk.full-run-above} waiting enterprises are recomputed by one full run. A full run reports its
 * progress as a job ({@code RISK_RECOMPUTE}), a page at a time. With {@code safereg.partitions.enabled} a full run
 * is split by city and every instance takes cities until none is left (see {@link Partitions}).
 */
class RiskRecompute implements PartitionWork {

    private static final Logger log = LoggerFactory.getLogger(RiskRecompute.class);

    private final RiskAssessments assessments;
    private final RiskProperties properties;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "risk-recompute");
        thread.setDaemon(true);
        return thread;
    });
    /** Enterprise id → the cause of the last change of its facts, in arrival order. */
    private final Map<Long, String> pending = new LinkedHashMap<>();

    private boolean drainScheduled;
    /** The full run requested and not started yet, which a further request joins. */
    private final AtomicReference<JobRun> fullRunWaiting = new AtomicReference<>();

    private final RiskMapper mapper;
    private final RuleEngine engine;
    private final JobLeases leases;
    private final Clock clock;
    private final Jobs jobs;
    private final Partitions partitions;

    RiskRecompute(
            RiskAssessments assessments,
            RiskProperties properties,
            RiskMapper mapper,
            RuleEngine engine,
            JobLeases leases,
            Clock clock,
            Jobs jobs,
            Partitions partitions) {
        this.assessments = assessments;
        this.properties = properties;
        this.mapper = mapper;
        this.engine = engine;
        this.leases = leases;
        this.clock = clock;
        this.jobs = jobs;
        this.partitions = partitions;
    }

    /** Published outside a transaction it is taken at once; inside one, once it has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(EnterpriseFactsChanged event) {
        synchronized (pending) {
            event.enterpriseIds().forEach(id -> pending.put(id, event.cause()));
            if (!drainScheduled) {
                drainScheduled = true;
                worker.schedule(this::drain, properties.coalesce().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * A new rule set is in force (activated here): every level again, on it. Tiers the new credit rules
     * change arrive afterwards as their own changes.
     */
    @EventListener
    void on(RuleSetActivated activated) {
        requestRecomputeAll("RULE_SET");
    }

    /** Recomputes every enterprise on the calling thread; what was waiting is covered by it. */
    RiskAssessments.Run recomputeAll(String cause) {
        return recomputeAll(cause, jobs.queue(JobKind.RISK_RECOMPUTE, null));
    }

    private RiskAssessments.Run recomputeAll(String cause, JobRun job) {
        synchronized (pending) {
            pending.clear();
        }
        return fullRun(cause, job);
    }

    /**
     * A full recompute with its row and lease, so that a run whose instance dies is noticed and done again
     * ({@link #takeOver}); a version that came into force meanwhile is run again, so the levels end on it.
     */
    private RiskAssessments.Run fullRun(String cause, JobRun job) {
        String version = engine.active().version().hash();
        RiskRun row = new RiskRun(cause, version, leases.owner(), Instant.now(clock));
        RiskAssessments.Run run;
        try {
            mapper.startRun(row);
        } catch (RuntimeException e) {
            job.failed(e);
            throw e;
        }
        long id = row.getId();
        job.result("/api/v1/risk/enterprises");
        try (JobLeases.Heartbeat beat = leases.beat("risk run " + id, at -> mapper.heartbeatRun(id, at))) {
            run = partitions.enabled() ? partitioned(id, version, cause, job) : assessments.recomputeAll(cause, job);
        } catch (RuntimeException e) {
            if (partitions.enabled()) {
                partitions.cancel(kind(), id);
            }
            mapper.finishRun(id, "FAILED", Instant.now(clock), truncate(String.valueOf(e.getMessage())));
            job.failed(e);
            throw e;
        }
        mapper.finishRun(
                id, "SUCCEEDED", Instant.now(clock), run.firstError() == null ? null : truncate(run.firstError()));
        job.succeeded(null);
        String active = engine.active().version().hash();
        if (!active.equals(version)) {
            log.info("Rule set {} came into force during risk run {}; recomputing on it", active, id);
            return fullRun("RULE_SET", jobs.queue(JobKind.RISK_RECOMPUTE, null));
        }
        return run;
    }

    /** A full run split by city, worked by every instance that takes part; its progress is what they add up to. */
    private RiskAssessments.Run partitioned(long id, String version, String cause, JobRun job) {
        long started = System.nanoTime();
        job.total(mapper.countEnterprises());
        partitions.open(kind(), id, version + " " + cause, mapper.regionPartitions());
        long[] reported = {0};
        Partitions.Summary summary = partitions.drain(kind(), id, this, now -> {
            long done = now.counts().items();
            if (done > reported[0]) {
                job.advance(done - reported[0]);
                reported[0] = done;
            }
        });
        Partitions.Counts counts = summary.counts();
        RiskAssessments.Run run = new RiskAssessments.Run(
                (int) counts.items(),
                (int) counts.changed(),
                0,
                (int) counts.failed(),
                counts.firstError(),
                (System.nanoTime() - started) / 1_000_000);
        log.info(
                "Risk levels of all {} enterprises evaluated in {} partitions ({} changed level, {} failed) in {} ms,"
                        + " cause {}",
                run.processed(),
                summary.done(),
                run.changed(),
                run.failed(),
                run.millis(),
                cause);
        assessments.repairReadModel();
        return run;
    }

    @Override
    public JobKind kind() {
        return JobKind.RISK_RECOMPUTE;
    }

    /**
     * The cities of a full run that this instance takes, on the version the run decides on; a city is declined
     * while another version is in force here.
     */
    @Override
    public void work(Partitions.Feed feed) {
        RuleSetSnapshot rules = engine.active();
        String version = rules.version().hash();
        Optional<Partitions.Claimed> first = feed.next();
        if (first.isEmpty()) {
            return;
        }
        String context = first.get().context();
        String[] parts = context.split(" ", 2);
        if (!version.equals(parts[0])) {
            feed.decline(first.get());
            return;
        }
        assessments.recomputeRegions(
                first.get(),
                () -> feed.next().flatMap(partition -> {
                    if (!context.equals(partition.context())) {
                        feed.decline(partition);
                        return Optional.empty();
                    }
                    return Optional.of(partition);
                }),
                parts[1],
                rules,
                (partition, run) -> feed.done(
                        partition,
                        new Partitions.Counts(run.processed(), run.changed(), run.failed(), run.firstError())));
    }

    /**
     * Makes sure every enterprise's risk level ends on the version in force: a run whose instance died is
     * marked abandoned, and when none is running and none on the active version went through, one is
     * requested here. Each instance calls this now and then (see {@link RiskSchedule}).
     *
     * @return whether a run was requested
     */
    boolean takeOver() {
        int abandoned = mapper.abandonStaleRuns(leases.silentSince(), Instant.now(clock));
        if (abandoned > 0) {
            log.warn("{} risk run(s) were abandoned by an instance that stopped; taking the work over", abandoned);
        }
        if (mapper.runningRuns() > 0 || fullRunWaiting.get() != null || mapper.countEnterprises() == 0) {
            return false;
        }
        String active = engine.active().version().hash();
        if (mapper.completedRunOn(active)) {
            return false;
        }
        log.info("No risk run on the rule set in force ({}) went through; requesting one", active);
        requestRecomputeAll("TAKEOVER");
        return true;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    /**
     * Starts a full recompute in the background, after the recomputes already waiting; a request while one is
     * still waiting to start is covered by it (activations in quick succession make one run, not one each).
     */
    void requestRecomputeAll(String cause) {
        requestRecomputeAll(cause, null);
    }

    /** @return the job of the full run that covers this request, QUEUED until it starts */
    long requestRecomputeAll(String cause, String requestedBy) {
        JobRun job;
        synchronized (fullRunWaiting) {
            JobRun waiting = fullRunWaiting.get();
            if (waiting != null) {
                return waiting.id();
            }
            job = jobs.queue(JobKind.RISK_RECOMPUTE, requestedBy);
            fullRunWaiting.set(job);
        }
        worker.execute(() -> {
            synchronized (fullRunWaiting) {
                fullRunWaiting.set(null);
            }
            try {
                recomputeAll(cause, job);
            } catch (RuntimeException e) {
                log.error("Requested risk recompute failed", e);
            }
        });
        return job.id();
    }

    private void drain() {
        Map<Long, String> batch;
        synchronized (pending) {
            batch = new LinkedHashMap<>(pending);
            pending.clear();
            drainScheduled = false;
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            if (batch.size() > properties.fullRunAbove()) {
                fullRun(mostFrequent(batch), jobs.queue(JobKind.RISK_RECOMPUTE, null));
                return;
            }
            Map<String, List<Long>> byFact = new LinkedHashMap<>();
            batch.forEach((id, fact) ->
                    byFact.computeIfAbsent(fact, f -> new ArrayList<>()).add(id));
            byFact.forEach((fact, ids) -> assessments.recompute(ids, fact));
        } catch (RuntimeException e) {
            // the facts are in MySQL: the nightly run (or the next change) brings the level up to date
            log.error("Risk recompute of {} enterprises failed", batch.size(), e);
        }
    }

    private static String mostFrequent(Map<Long, String> batch) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        batch.values().forEach(fact -> counts.merge(fact, 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    /** Waits until nothing is pending or being recomputed; false if that takes longer than the timeout. */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                // a no-op queued behind whatever the worker is running returns once that is done
                worker.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                synchronized (pending) {
                    if (pending.isEmpty() && !drainScheduled) {
                        return true;
                    }
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
        return false;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

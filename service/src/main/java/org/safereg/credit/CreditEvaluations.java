package org.safereg.credit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.jobs.JobKind;
import org.safereg.jobs.JobRun;
import org.safereg.jobs.Jobs;
import org.safereg.jobs.PartitionWork;
import org.safereg.jobs.Partitions;
import org.safereg.readmodel.ReadModel;
import org.safereg.system.JobLeases;
import org.safereg.system.JobProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full credit evaluation: reads every enterprise's facts page by page (keyset paging, one query per
 * page and fact table), evaluates them on one rule-set snapshot, and writes results and history to
 * MySQL, then the read model. Progress lives in {@code credit_jobs}, so any instance can report it, and is
 * reported as a job ({@code CREDIT_EVALUATION}) a page at a time, whose result is the run's summary. With
 * {@code safereg.partitions.enabled} a full run is split by city and every instance takes cities until none is
 * left (see {@link Partitions}); the instance that started it adds them up and finishes the run.
 */
class CreditEvaluations implements PartitionWork {

    private static final Logger log = LoggerFactory.getLogger(CreditEvaluations.class);

    private final CreditMapper mapper;
    private final CreditPages pages;
    private final CreditResults results;
    private final RuleEngine engine;
    private final ReadModel<CreditRecord> readModel;
    private final CreditProperties properties;
    private final Clock clock;
    private final JobLeases leases;
    private final CreditThreads threads;
    private final Jobs jobs;
    private final JobProgress gauges;
    private final Partitions partitions;

    CreditEvaluations(
            CreditMapper mapper,
            CreditPages pages,
            CreditResults results,
            RuleEngine engine,
            ReadModel<CreditRecord> readModel,
            CreditProperties properties,
            JobLeases leases,
            Clock clock,
            CreditThreads threads,
            Jobs jobs,
            JobProgress gauges,
            Partitions partitions) {
        this.mapper = mapper;
        this.pages = pages;
        this.results = results;
        this.engine = engine;
        this.readModel = readModel;
        this.properties = properties;
        this.leases = leases;
        this.clock = clock;
        this.threads = threads;
        this.jobs = jobs;
        this.gauges = gauges;
        this.partitions = partitions;
    }

    /**
     * Starts a full evaluation in the background and returns its job; when one is already running
     * (on any instance) that one is returned instead of starting a second.
     */
    CreditJobRecord start(String trigger, String requestedBy) {
        Optional<CreditJobRecord> running = runningJob();
        if (running.isPresent()) {
            return running.get();
        }
        Opened opened = open(trigger, requestedBy, engine.active());
        threads.background.submit(() -> execute(opened));
        return mapper.findJob(opened.id());
    }

    /**
     * The job some instance is running, if any. A job whose instance stopped writing its heartbeat for
     * longer than the lease died with it: it is marked abandoned first, so that a new one can start.
     */
    Optional<CreditJobRecord> runningJob() {
        int abandoned = mapper.abandonStaleJobs(leases.silentSince(), Instant.now(clock));
        if (abandoned > 0) {
            log.warn("{} credit job(s) were abandoned by an instance that stopped; taking the work over", abandoned);
        }
        return Optional.ofNullable(mapper.findRunningJob());
    }

    /**
     * Makes sure every enterprise's credit ends on the version in force: when no job is running (a job
     * whose instance died counts as not running) and no job on the active version went through, one
     * starts. Each instance calls this now and then (see {@link CreditSchedule}).
     *
     * @return the job started, if one was
     */
    Optional<CreditJobRecord> takeOver() {
        if (runningJob().isPresent() || mapper.countEnterprises() == 0) {
            return Optional.empty();
        }
        String active = engine.active().version().hash();
        if (mapper.completedJobOn(active)) {
            return Optional.empty();
        }
        log.info("No credit run on the rule set in force ({}) went through; starting one", active);
        return Optional.of(start("TAKEOVER", null));
    }

    /** Runs a full evaluation on the calling thread (schedule, start-up, benchmark). */
    CreditJobRecord runNow(String trigger, String requestedBy) {
        Opened opened = open(trigger, requestedBy, engine.active());
        execute(opened);
        return mapper.findJob(opened.id());
    }

    Optional<CreditJobRecord> job(long id) {
        return Optional.ofNullable(mapper.findJob(id));
    }

    /** A credit job's row and the job that reports its progress. */
    private record Opened(long id, JobRun job) {}

    private Opened open(String trigger, String requestedBy, RuleSetSnapshot rules) {
        CreditJobStart start =
                new CreditJobStart(trigger, requestedBy, rules.version().hash(), Instant.now(clock), leases.owner());
        mapper.insertJob(start);
        JobRun job = jobs.queue(JobKind.CREDIT_EVALUATION, requestedBy);
        job.result("/api/v1/credit/evaluations/" + start.getId());
        return new Opened(start.getId(), job);
    }

    private void execute(Opened opened) {
        RuleSetSnapshot rules = engine.active();
        long jobId = opened.id();
        try (JobLeases.Heartbeat beat = leases.beat("credit job " + jobId, at -> mapper.heartbeat(jobId, at))) {
            if (partitions.enabled()) {
                runPartitioned(opened, rules);
            } else {
                run(opened, rules);
            }
        }
        String active = engine.active().version().hash();
        if (!active.equals(rules.version().hash())) {
            // another version came into force while this one ran: the decisions end on the one in force
            log.info("Rule set {} came into force during credit job {}; evaluating again on it", active, jobId);
            execute(open("RULE_SET", null, engine.active()));
        }
    }

    private void run(Opened opened, RuleSetSnapshot rules) {
        long jobId = opened.id();
        JobRun job = opened.job();
        CreditWindow window = CreditWindow.now(clock, properties);
        CreditProgress progress = new CreditProgress(mapper.countEnterprises());
        job.total(progress.total);
        long started = System.nanoTime();
        try (JobProgress.Tracking tracking = gauges.track("credit", progress.total, progress.processed::get)) {
            pages(jobId, rules, window, new Part(null, progress), Optional::empty, part -> {}, written -> {
                mapper.updateJobProgress(
                        jobId,
                        progress.total,
                        progress.processed.get(),
                        progress.changed.get(),
                        progress.failed.get(),
                        Instant.now(clock));
                job.advance(written);
            });
            finish(opened, rules, progress, started, null);
        } catch (RuntimeException e) {
            log.error("Credit job {} failed", jobId, e);
            mapper.finishJob(jobId, "FAILED", Instant.now(clock), truncate(String.valueOf(e.getMessage())));
            job.failed(e);
        }
        if (readModel.isStale()) {
            readModel.rebuild();
        }
    }

    /**
     * A stretch of a run read as one sequence of pages: the whole run ({@code partition} null), or one city of a
     * split run; {@code progress} counts what was decided in it.
     */
    private record Part(Partitions.Claimed partition, CreditProgress progress) {

        String region() {
            return partition == null ? null : partition.key();
        }

        /** A failure of this part's work, charged to its partition when it has one. */
        RuntimeException failure(RuntimeException e) {
            return partition == null ? e : new Partitions.PartitionFailed(partition, e);
        }
    }

    /** A page and the part it belongs to; {@code ended} are the parts whose last page came before it. */
    private record Read(Part part, CreditPage page, List<Part> ended) {}

    /**
     * Every page of {@code first}, then of each part {@code nextPart} hands out (the cities a split run gives this
     * instance), as one sequence whose stages overlap: the next page is read, this one evaluated, the previous one
     * written to MySQL and the one before to the read model; each stage keeps page order, and the read model only
     * ever gets a page that MySQL has committed. A part's {@code ended} runs once its last page is in the read
     * model, while the next part's pages are already under way.
     */
    private void pages(
            long jobId,
            RuleSetSnapshot rules,
            CreditWindow window,
            Part first,
            Supplier<Optional<Part>> nextPart,
            Consumer<Part> ended,
            IntConsumer written) {
        CompletableFuture<Read> next = read(first, 0, window, nextPart);
        CompletableFuture<Runnable> writing = CompletableFuture.completedFuture(() -> {});
        CompletableFuture<Void> readModelWriting = CompletableFuture.completedFuture(null);
        while (true) {
            Read read = next.join();
            for (Part part : read.ended()) {
                // after the part's last page (the last written so far) has reached the read model
                writing = writing.thenApply(step -> () -> {
                    step.run();
                    ended.accept(part);
                });
            }
            CreditPage page = read.page();
            if (page.isEmpty()) {
                break;
            }
            Part part = read.part();
            next = read(part, page.lastId(), window, nextPart);
            List<CreditResults.Evaluated> evaluated;
            try {
                evaluated = results.evaluate(rules, page, window, part.progress());
            } catch (RuntimeException e) {
                throw part.failure(e);
            }
            readModelWriting = readModelWriting.thenRunAsync(writing.join(), threads.readModelWriter);
            writing = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            Runnable readModelStep = results.write(jobId, evaluated, window.now(), part.progress());
                            part.progress().processed.addAndGet(page.rows().size());
                            written.accept(page.rows().size());
                            return readModelStep;
                        } catch (RuntimeException e) {
                            throw part.failure(e);
                        }
                    },
                    threads.writer);
        }
        readModelWriting.thenRunAsync(writing.join(), threads.readModelWriter).join();
    }

    /**
     * A full run split by city: its partitions are opened, this instance works them with the others that
     * take part, and the run's progress is what the partitions DONE add up to.
     */
    private void runPartitioned(Opened opened, RuleSetSnapshot rules) {
        long jobId = opened.id();
        JobRun job = opened.job();
        CreditProgress progress = new CreditProgress(mapper.countEnterprises());
        job.total(progress.total);
        long started = System.nanoTime();
        try (JobProgress.Tracking tracking = gauges.track("credit", progress.total, progress.processed::get)) {
            partitions.open(kind(), jobId, rules.version().hash(), mapper.regionPartitions());
            long[] reported = {0};
            Partitions.Summary summary = partitions.drain(kind(), jobId, this, now -> {
                long done = now.counts().items();
                progress.processed.set((int) done);
                if (done > reported[0]) {
                    mapper.updateJobProgress(
                            jobId,
                            progress.total,
                            (int) done,
                            (int) now.counts().changed(),
                            (int) now.counts().failed(),
                            Instant.now(clock));
                    job.advance(done - reported[0]);
                    reported[0] = done;
                }
            });
            progress.changed.set((int) summary.counts().changed());
            progress.failed.set((int) summary.counts().failed());
            if (summary.counts().firstError() != null) {
                progress.firstError.set(summary.counts().firstError());
            }
            finish(opened, rules, progress, started, summary);
        } catch (RuntimeException e) {
            log.error("Credit job {} failed", jobId, e);
            partitions.cancel(kind(), jobId);
            mapper.finishJob(jobId, "FAILED", Instant.now(clock), truncate(String.valueOf(e.getMessage())));
            job.failed(e);
        }
        if (readModel.isStale()) {
            readModel.rebuild();
        }
    }

    @Override
    public JobKind kind() {
        return JobKind.CREDIT_EVALUATION;
    }

    /**
     * The cities of a full run that this instance takes, worked as one sequence of pages, on the rule set the run
     * decides on; a city is declined while another rule set is in force here.
     */
    @Override
    public void work(Partitions.Feed feed) {
        RuleSetSnapshot rules = engine.active();
        String version = rules.version().hash();
        Supplier<Optional<Part>> nextPart = () -> feed.next().flatMap(partition -> {
            if (!version.equals(partition.context())) {
                feed.decline(partition);
                return Optional.empty();
            }
            return Optional.of(new Part(partition, new CreditProgress(0)));
        });
        Optional<Part> first = nextPart.get();
        if (first.isEmpty()) {
            return;
        }
        CreditWindow window = CreditWindow.now(clock, properties);
        pages(
                first.get().partition().runId(),
                rules,
                window,
                first.get(),
                nextPart,
                part -> {
                    CreditProgress progress = part.progress();
                    feed.done(
                            part.partition(),
                            new Partitions.Counts(
                                    progress.processed.get(),
                                    progress.changed.get(),
                                    progress.failed.get(),
                                    progress.firstError.get()));
                },
                written -> {});
    }

    /** The next page of {@code part} after {@code afterId}, or, when it has none left, the first of the next part. */
    private CompletableFuture<Read> read(
            Part part, long afterId, CreditWindow window, Supplier<Optional<Part>> nextPart) {
        return CompletableFuture.supplyAsync(
                () -> {
                    List<Part> ended = new ArrayList<>();
                    Part current = part;
                    long after = afterId;
                    while (true) {
                        long started = System.nanoTime();
                        CreditPage page;
                        try {
                            page = current.region() == null
                                    ? pages.after(after, window)
                                    : pages.inRegionAfter(current.region(), after, window);
                        } catch (RuntimeException e) {
                            throw current.failure(e);
                        }
                        current.progress().readNanos.addAndGet(System.nanoTime() - started);
                        if (!page.isEmpty()) {
                            return new Read(current, page, ended);
                        }
                        ended.add(current);
                        Optional<Part> following = nextPart.get();
                        if (following.isEmpty()) {
                            return new Read(current, page, ended);
                        }
                        current = following.get();
                        after = 0;
                    }
                },
                threads.reader);
    }

    /**
     * Ends the job and logs what it did; {@code partitions} is the summary of a split run, whose stage times stay
     * with the instances that worked its cities (null for a run this instance worked alone).
     */
    private void finish(
            Opened opened,
            RuleSetSnapshot rules,
            CreditProgress progress,
            long started,
            Partitions.Summary partitions) {
        long jobId = opened.id();
        String error = progress.firstError.get();
        String failure = error == null
                ? null
                : truncate(progress.failed.get() + " enterprises could not be evaluated and kept"
                        + " their previous credit; first: " + error);
        mapper.finishJob(jobId, error == null ? "SUCCEEDED" : "FAILED", Instant.now(clock), failure);
        if (failure == null) {
            opened.job().succeeded(null);
        } else {
            opened.job().failed(failure);
        }
        if (partitions != null) {
            log.info(
                    "Credit job {} evaluated {} enterprises in {} partitions ({} changed, {} failed) on rule set {} in"
                            + " {} ms",
                    jobId,
                    progress.processed.get(),
                    partitions.done(),
                    progress.changed.get(),
                    progress.failed.get(),
                    rules.version().shortHash(),
                    (System.nanoTime() - started) / 1_000_000);
            return;
        }
        log.info(
                "Credit job {} evaluated {} enterprises ({} changed, {} rewritten, {} failed) on rule set {} in"
                        + " {} ms (read {} ms, evaluate {} ms, MySQL {} ms, read model {} ms)",
                jobId,
                progress.processed.get(),
                progress.changed.get(),
                progress.rewritten.get(),
                progress.failed.get(),
                rules.version().shortHash(),
                (System.nanoTime() - started) / 1_000_000,
                progress.readNanos.get() / 1_000_000,
                progress.evaluateNanos.get() / 1_000_000,
                progress.mysqlNanos.get() / 1_000_000,
                progress.readModelNanos.get() / 1_000_000);
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}

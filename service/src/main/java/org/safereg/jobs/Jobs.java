package org.safereg.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.safereg.system.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to long jobs: a feature queues a job and drives it ({@link #queue}), or hands its work over to
 * run in the background ({@link #submit}); anyone reads any job, whichever instance runs it. This instance's
 * running jobs are read from memory, the others from MySQL.
 */
public class Jobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final JobsMapper mapper;
    private final JobProblems problems;
    private final JobLeases leases;
    private final JobsProperties properties;
    private final Clock clock;
    private final Map<Long, JobRun> running = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    Jobs(JobsMapper mapper, JobProblems problems, JobLeases leases, JobsProperties properties, Clock clock) {
        this.mapper = mapper;
        this.problems = problems;
        this.leases = leases;
        this.properties = properties;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, properties.workers()), runnable -> {
            Thread thread = new Thread(runnable, "job-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A new job, QUEUED, that the caller drives through the returned run. */
    public JobRun queue(JobKind kind, String requestedBy) {
        // milliseconds, as the row keeps them, so that this instance and the others read the same times
        NewJob row =
                new NewJob(kind, requestedBy, leases.owner(), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        mapper.insert(row);
        long id = row.getId();
        JobRun run =
                new JobRun(row, mapper, problems, clock, properties.progressEvery(), leases, () -> running.remove(id));
        running.put(id, run);
        return run;
    }

    /**
     * Queues a job and runs {@code work} in the background on one of {@code safereg.jobs.workers}; the work
     * reports through the {@link Progress} it is given and answers the API path of its result.
     *
     * @return the job as it is now (QUEUED, or already running)
     */
    public Job submit(JobKind kind, String requestedBy, Function<Progress, String> work) {
        JobRun run = queue(kind, requestedBy);
        try {
            workers.execute(() -> {
                try {
                    run.complete(work, Function.identity());
                } catch (RuntimeException | Error e) {
                    // kept in the job as its problem
                    log.debug("Job {} failed", run.id(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            run.failed(e);
        }
        return view(run.snapshot());
    }

    public Optional<Job> find(long id) {
        JobRun run = running.get(id);
        JobRow row = run != null ? run.snapshot() : mapper.find(id);
        return Optional.ofNullable(row).map(this::view);
    }

    /** Newest first; {@code next} continues before the last one when the page is full. */
    JobPage list(JobKind kind, JobState state, Long before, int limit) {
        List<Job> items = mapper.list(kind, state, before, limit).stream()
                .map(row -> {
                    JobRun run = running.get(row.id());
                    return view(run != null ? run.snapshot() : row);
                })
                .toList();
        return new JobPage(
                items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    /** These jobs as they are now, in one query for those other instances run; a job that is gone is missing. */
    Map<Long, Job> now(Collection<Long> ids) {
        Map<Long, Job> jobs = new HashMap<>();
        List<Long> elsewhere = new ArrayList<>();
        for (long id : ids) {
            JobRun run = running.get(id);
            if (run != null) {
                jobs.put(id, view(run.snapshot()));
            } else {
                elsewhere.add(id);
            }
        }
        if (!elsewhere.isEmpty()) {
            mapper.findAll(elsewhere).forEach(row -> jobs.put(row.id(), view(row)));
        }
        return jobs;
    }

    /** Marks FAILED the jobs whose instance stopped writing their heartbeat for longer than the lease. */
    int abandonSilent() {
        int abandoned = 0;
        for (long id : mapper.silentSince(leases.silentSince())) {
            abandoned += mapper.abandon(id, Instant.now(clock), problems.abandoned(id));
        }
        if (abandoned > 0) {
            log.warn("{} job(s) were abandoned by an instance that stopped; marked FAILED", abandoned);
        }
        return abandoned;
    }

    int forgetFinishedBefore(Instant before) {
        return mapper.forgetFinishedBefore(before);
    }

    private Job view(JobRow row) {
        return Job.of(row, problems.read(row.error()));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** A page of jobs, newest first; pass {@code next} as {@code before} to read on. */
    record JobPage(List<Job> items, Long next) {}
}

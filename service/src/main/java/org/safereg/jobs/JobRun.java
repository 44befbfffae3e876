package org.safereg.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.safereg.system.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job as the instance running it drives it: QUEUED until its work starts, RUNNING while the work reports
 * its progress, then SUCCEEDED with a link to its result or FAILED with a problem. What it did is written to
 * its row at most once every {@code progressEvery} (the work reports once a page), so that every instance can
 * read it; this instance reads it from memory, as it is now. Its heartbeat runs from queueing to the end.
 */
public final class JobRun implements Progress {

    private static final Logger log = LoggerFactory.getLogger(JobRun.class);

    private final long id;
    private final JobKind kind;
    private final String requestedBy;
    private final String owner;
    private final Instant queuedAt;
    private final JobsMapper mapper;
    private final JobProblems problems;
    private final Clock clock;
    private final Duration writeEvery;
    private final JobLeases.Heartbeat heartbeat;
    private final Runnable whenFinished;

    private JobState state = JobState.QUEUED;
    private long done;
    private Long total;
    private Instant startedAt;
    private Instant progressAt;
    private Instant finishedAt;
    private Instant writtenAt;
    private String result;
    private String error;

    JobRun(
            NewJob row,
            JobsMapper mapper,
            JobProblems problems,
            Clock clock,
            Duration writeEvery,
            JobLeases leases,
            Runnable whenFinished) {
        this.id = row.getId();
        this.kind = row.getKind();
        this.requestedBy = row.getRequestedBy();
        this.owner = row.getOwner();
        this.queuedAt = row.getQueuedAt();
        this.mapper = mapper;
        this.problems = problems;
        this.clock = clock;
        this.writeEvery = writeEvery;
        this.whenFinished = whenFinished;
        this.heartbeat = leases.beat("job " + id, at -> mapper.heartbeat(id, at));
    }

    public long id() {
        return id;
    }

    /** The work has begun: RUNNING from now. */
    public synchronized void start() {
        if (state != JobState.QUEUED) {
            return;
        }
        state = JobState.RUNNING;
        startedAt = now();
        progressAt = startedAt;
        writtenAt = startedAt;
        quietly(() -> mapper.running(id, startedAt));
    }

    @Override
    public synchronized void total(long total) {
        start();
        if (state.finished()) {
            return;
        }
        this.total = total;
        write();
    }

    @Override
    public synchronized void advance(long items) {
        start();
        if (state.finished() || items <= 0) {
            return;
        }
        done += items;
        progressAt = now();
        if (!progressAt.isBefore(writtenAt.plus(writeEvery))) {
            write();
        }
    }

    /** Where what the job makes is read, when that is known before it ends (a run's own summary). */
    public synchronized void result(String result) {
        this.result = result;
    }

    /** The work went through; {@code result} is the API path where what it made is read. */
    public void succeeded(String result) {
        finish(JobState.SUCCEEDED, result, null);
    }

    /** The work ended and says why it failed. */
    public void failed(String detail) {
        finish(JobState.FAILED, null, problems.failed(id, detail));
    }

    /** The work stopped on {@code failure}. */
    public void failed(Throwable failure) {
        finish(JobState.FAILED, null, problems.failed(id, failure));
    }

    /**
     * Runs the work on the calling thread as this job: it reports through the {@link Progress} it is given, its
     * answer gives the result's link, and a failure fails the job and is thrown on.
     */
    public <T> T complete(Function<Progress, T> work, Function<? super T, String> resultLink) {
        start();
        T answer;
        try {
            answer = work.apply(this);
        } catch (RuntimeException | Error e) {
            failed(e);
            throw e;
        }
        succeeded(resultLink.apply(answer));
        return answer;
    }

    /** The job as it is now. */
    synchronized JobRow snapshot() {
        return new JobRow(
                id,
                kind,
                state,
                done,
                total,
                requestedBy,
                owner,
                queuedAt,
                startedAt,
                progressAt,
                null,
                finishedAt,
                result,
                error);
    }

    private void finish(JobState end, String result, String error) {
        synchronized (this) {
            if (state.finished()) {
                return;
            }
            if (startedAt == null) {
                startedAt = now();
            }
            if (end == JobState.SUCCEEDED && total != null && done < total) {
                done = total;
            }
            if (end == JobState.SUCCEEDED && total == null) {
                total = done;
            }
            state = end;
            finishedAt = now();
            if (result != null) {
                this.result = result;
            }
            this.error = error;
            heartbeat.close();
            quietly(() -> mapper.finish(id, end, done, total, startedAt, finishedAt, this.result, error));
        }
        whenFinished.run();
    }

    /** Milliseconds, as the row keeps them, so that this instance and the others read the same times. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private void write() {
        writtenAt = Instant.now(clock);
        quietly(() -> mapper.progress(id, done, total, progressAt, result));
    }

    /** MySQL away for a moment does not stop the work; the next write says where it got. */
    private void quietly(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.warn("Job {} ({}) could not write its state: {}", id, kind, e.getMessage());
        }
    }
}

package org.safereg.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.safereg.system.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Long runs split into partitions that several instances share, claimed through MySQL ({@code job_partitions}):
 * the instance that starts a run opens its partitions and works them ({@link #drain}); every other instance
 * with {@code safereg.partitions.enabled} looks every {@code poll} for an OPEN partition of a kind it can work
 * (a {@link PartitionWork} bean) and takes it. A partition is claimed by one conditional UPDATE, so two
 * instances never hold the same one; its owner writes a heartbeat while it works; a partition whose heartbeat
 * is older than {@code safereg.jobs.lease} belongs to a dead instance and is claimed again. Each instance takes
 * the partitions of a kind through one {@link Feed} at a time, one after another, so that its work runs on from
 * one partition into the next without waiting for the first one's last writes.
 */
public class Partitions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Partitions.class);

    /** A partition this instance holds. */
    public record Claimed(long id, JobKind kind, long runId, String key, String context) {}

    /** What the work of partitions did: items decided, changed, failed, and the first failure. */
    public record Counts(long items, long changed, long failed, String firstError) {

        public static final Counts NONE = new Counts(0, 0, 0, null);
    }

    /**
     * A run's partitions: how many are in each state, and what the DONE ones did; {@code givenUp} failed
     * {@link #MAX_ATTEMPTS} times ({@code problem} says why), and the run cannot end well.
     */
    public record Summary(int open, int running, int done, Counts counts, int givenUp, String problem) {

        public boolean finished() {
            return open == 0 && running == 0;
        }
    }

    /** A partition whose work failed this many times is given up. */
    static final int MAX_ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final JobLeases leases;
    private final Clock clock;
    private final PartitionProperties properties;
    private final ObjectProvider<PartitionWork> works;
    private final Map<JobKind, Semaphore> working = new EnumMap<>(JobKind.class);
    private final ScheduledExecutorService helper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "partition-helper");
        thread.setDaemon(true);
        return thread;
    });

    Partitions(
            JdbcTemplate jdbc,
            JobLeases leases,
            Clock clock,
            PartitionProperties properties,
            ObjectProvider<PartitionWork> works) {
        this.jdbc = jdbc;
        this.leases = leases;
        this.clock = clock;
        this.properties = properties;
        this.works = works;
        for (JobKind kind : JobKind.values()) {
            working.put(kind, new Semaphore(1));
        }
        if (properties.enabled()) {
            long every = properties.poll().toMillis();
            helper.scheduleWithFixedDelay(this::help, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether full runs are split into partitions here. */
    public boolean enabled() {
        return properties.enabled();
    }

    /** Opens a run's partitions, to be worked on {@code context} (the rule-set version the run decides on). */
    public void open(JobKind kind, long runId, String context, List<String> keys) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.batchUpdate(
                "INSERT INTO job_partitions (kind, run_id, partition_key, context, state, run_heartbeat_at) VALUES (?,"
                        + " ?, ?, ?, 'OPEN', ?)",
                keys.stream()
                        .map(key -> new Object[] {kind.name(), runId, key, context, now})
                        .toList());
    }

    /** Cancels what a run left open (it failed or was given up). */
    public void cancel(JobKind kind, long runId) {
        jdbc.update(
                "UPDATE job_partitions SET state = 'CANCELLED' WHERE kind = ? AND run_id = ? AND state IN ('OPEN',"
                        + " 'RUNNING')",
                kind.name(),
                runId);
    }

    /**
     * Works partitions of the run until none is OPEN or abandoned, then waits for those other instances hold,
     * taking over any whose owner falls silent; {@code progress} hears of the run after each partition and each
     * wait.
     */
    public Summary drain(JobKind kind, long runId, PartitionWork work, Consumer<Summary> progress) {
        try (JobLeases.Heartbeat beat = leases.beat(kind + " run " + runId, at -> runHeartbeat(kind, runId, at))) {
            return drainBeating(kind, runId, work, progress);
        }
    }

    private Summary drainBeating(JobKind kind, long runId, PartitionWork work, Consumer<Summary> progress) {
        Semaphore one = working.get(kind);
        while (true) {
            Summary summary = summary(kind, runId);
            progress.accept(summary);
            if (summary.givenUp() > 0) {
                throw new IllegalStateException(summary.givenUp() + " partition(s) of " + kind + " run " + runId
                        + " failed " + MAX_ATTEMPTS + " times; " + summary.problem());
            }
            if (summary.finished()) {
                return summary;
            }
            boolean claimed;
            one.acquireUninterruptibly();
            try {
                claimed = workFeed(new Feed(kind, runId), work);
            } finally {
                one.release();
            }
            if (!claimed) {
                sleep(properties.poll());
            }
        }
    }

    /** The partitions of a run. */
    public Summary summary(JobKind kind, long runId) {
        int[] states = new int[4];
        long[] sums = new long[3];
        String[] error = new String[2];
        jdbc.query(
                "SELECT state, COUNT(*), SUM(items), SUM(changed), SUM(failed), MIN(error) FROM job_partitions"
                        + " WHERE kind = ? AND run_id = ? GROUP BY state",
                rs -> {
                    switch (rs.getString(1)) {
                        case "OPEN" -> states[0] = rs.getInt(2);
                        case "RUNNING" -> states[1] = rs.getInt(2);
                        case "DONE" -> {
                            states[2] = rs.getInt(2);
                            sums[0] = rs.getLong(3);
                            sums[1] = rs.getLong(4);
                            sums[2] = rs.getLong(5);
                            error[0] = rs.getString(6);
                        }
                        case "FAILED" -> {
                            states[3] = rs.getInt(2);
                            error[1] = rs.getString(6);
                        }
                        default -> {}
                    }
                },
                kind.name(),
                runId);
        return new Summary(
                states[0], states[1], states[2], new Counts(sums[0], sums[1], sums[2], error[0]), states[3], error[1]);
    }

    private void runHeartbeat(JobKind kind, long runId, Instant at) {
        jdbc.update(
                "UPDATE job_partitions SET run_heartbeat_at = ? WHERE kind = ? AND run_id = ? AND state IN ('OPEN',"
                        + " 'RUNNING')",
                Timestamp.from(at),
                kind.name(),
                runId);
    }

    /**
     * An OPEN partition, or one whose owner fell silent, of the run ({@code runId}, its coordinator asking) or of
     * any run whose coordinator is alive (null).
     */
    Optional<Claimed> claim(JobKind kind, Long runId) {
        Instant now = Instant.now(clock);
        Timestamp silentSince = Timestamp.from(leases.silentSince());
        String claimable = "SELECT id FROM job_partitions WHERE kind = ? AND (state = 'OPEN' OR (state = 'RUNNING' AND"
                + " heartbeat_at < ?))";
        List<Long> candidates = runId != null
                ? jdbc.queryForList(
                        claimable + " AND run_id = ? ORDER BY id LIMIT 8", Long.class, kind.name(), silentSince, runId)
                : jdbc.queryForList(
                        claimable + " AND run_heartbeat_at >= ? ORDER BY id LIMIT 8",
                        Long.class,
                        kind.name(),
                        silentSince,
                        silentSince);
        for (long id : candidates) {
            int taken = jdbc.update(
                    "UPDATE job_partitions SET state = 'RUNNING', owner = ?, attempts = attempts + 1, claimed_at = ?,"
                            + " heartbeat_at = ? WHERE id = ? AND (state = 'OPEN' OR (state = 'RUNNING' AND"
                            + " heartbeat_at < ?))",
                    leases.owner(),
                    Timestamp.from(now),
                    Timestamp.from(now),
                    id,
                    silentSince);
            if (taken == 1) {
                return Optional.of(jdbc.queryForObject(
                        "SELECT id, run_id, partition_key, context, attempts FROM job_partitions WHERE id = ?",
                        (rs, row) -> {
                            if (rs.getInt(5) > 1) {
                                log.warn(
                                        "Partition {} of {} run {} was abandoned by a silent instance; taking it over",
                                        rs.getString(3),
                                        kind,
                                        rs.getLong(2));
                            }
                            return new Claimed(rs.getLong(1), kind, rs.getLong(2), rs.getString(3), rs.getString(4));
                        },
                        id));
            }
        }
        return Optional.empty();
    }

    /**
     * Lets {@code work} take the partitions a feed hands out; when it fails, the partitions it still holds go
     * back (see {@link Feed#failed}).
     *
     * @return whether it claimed any
     */
    private boolean workFeed(Feed feed, PartitionWork work) {
        try (JobLeases.Heartbeat beat = leases.beat(feed.kind + " partitions", feed::heartbeat)) {
            work.work(feed);
        } catch (RuntimeException e) {
            feed.failed(e);
            return feed.claimed() > 0;
        }
        feed.giveBackLeftOver();
        return feed.claimed() > 0;
    }

    void done(Claimed partition, Counts counts) {
        int marked = jdbc.update(
                "UPDATE job_partitions SET state = 'DONE', finished_at = ?, items = ?, changed = ?, failed = ?,"
                        + " error = ? WHERE id = ? AND owner = ? AND state = 'RUNNING'",
                Timestamp.from(Instant.now(clock)),
                counts.items(),
                counts.changed(),
                counts.failed(),
                counts.firstError() == null ? null : truncate(counts.firstError()),
                partition.id(),
                leases.owner());
        if (marked == 0) {
            log.warn(
                    "Partition {} of {} run {} was taken over or cancelled while this instance worked it",
                    partition.key(),
                    partition.kind(),
                    partition.runId());
        }
    }

    /** Takes the partitions of other instances' runs that this instance can work, one kind at a time. */
    void help() {
        for (PartitionWork work : works) {
            Semaphore one = working.get(work.kind());
            if (!one.tryAcquire()) {
                continue;
            }
            try {
                workFeed(new Feed(work.kind(), null), work);
            } catch (DataAccessException e) {
                log.debug("Looking for partitions failed; trying again at the next poll: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Working partitions of {} failed", work.kind(), e);
            } finally {
                one.release();
            }
        }
    }

    /**
     * The partitions one instance takes of a run, one after another, for one {@link PartitionWork} call: a feed
     * keeps to the run of its first partition, writes the heartbeat of every partition it holds, and hands out
     * no more once one was declined or the work failed. Its methods may be called from the work's threads.
     */
    public final class Feed {

        private final JobKind kind;
        private Long runId;
        private final Map<Long, Claimed> held = new LinkedHashMap<>();
        private int claimed;
        private boolean closed;

        Feed(JobKind kind, Long runId) {
            this.kind = kind;
            this.runId = runId;
        }

        /** Claims the next partition of the run, if one is left. */
        public synchronized Optional<Claimed> next() {
            if (closed) {
                return Optional.empty();
            }
            Optional<Claimed> next = claim(kind, runId);
            next.ifPresent(partition -> {
                runId = partition.runId();
                held.put(partition.id(), partition);
                claimed++;
            });
            return next;
        }

        /** The partition's work is done (written where it is kept): it counts towards its run. */
        public synchronized void done(Claimed partition, Counts counts) {
            Partitions.this.done(partition, counts);
            held.remove(partition.id());
        }

        /**
         * This instance cannot work the partition now (another rule-set version is in force here): it goes back
         * for another instance, uncounted, and the feed hands out no more.
         */
        public synchronized void decline(Claimed partition) {
            jdbc.update(
                    "UPDATE job_partitions SET state = 'OPEN', owner = NULL, attempts = attempts - 1 WHERE id = ? AND"
                            + " owner = ? AND state = 'RUNNING'",
                    partition.id(),
                    leases.owner());
            held.remove(partition.id());
            closed = true;
        }

        /**
         * The work failed: every partition still held goes back for another attempt, here or on another
         * instance. The failure counts against the partition it names ({@link PartitionFailed}), or, when it
         * names none, against all of them; one that failed {@link #MAX_ATTEMPTS} times is given up.
         */
        synchronized void failed(RuntimeException e) {
            PartitionFailed culprit = culprit(e);
            for (Claimed partition : held.values()) {
                boolean charged = culprit == null || culprit.partition().id() == partition.id();
                if (charged) {
                    log.error("Partition {} of {} run {} failed", partition.key(), kind, partition.runId(), e);
                    jdbc.update(
                            "UPDATE job_partitions SET state = CASE WHEN attempts >= ? THEN 'FAILED' ELSE 'OPEN' END,"
                                    + " owner = NULL, error = ? WHERE id = ? AND owner = ? AND state = 'RUNNING'",
                            MAX_ATTEMPTS,
                            truncate(partition.key() + ": " + (culprit == null ? e : culprit.getCause())),
                            partition.id(),
                            leases.owner());
                } else {
                    // it was under way beside the one that failed: back, and this attempt is not counted
                    jdbc.update(
                            "UPDATE job_partitions SET state = 'OPEN', owner = NULL, attempts = attempts - 1 WHERE"
                                    + " id = ? AND owner = ? AND state = 'RUNNING'",
                            partition.id(),
                            leases.owner());
                }
            }
            held.clear();
            closed = true;
        }

        /** What the work left neither done nor declined goes back, uncounted. */
        synchronized void giveBackLeftOver() {
            for (Claimed partition : List.copyOf(held.values())) {
                log.warn("Partition {} of {} run {} was left unfinished; it goes back", partition.key(), kind, runId);
                decline(partition);
            }
            closed = true;
        }

        synchronized int claimed() {
            return claimed;
        }

        synchronized void heartbeat(Instant at) {
            for (Claimed partition : held.values()) {
                jdbc.update(
                        "UPDATE job_partitions SET heartbeat_at = ? WHERE id = ? AND owner = ? AND state = 'RUNNING'",
                        Timestamp.from(at),
                        partition.id(),
                        leases.owner());
            }
        }

        private static PartitionFailed culprit(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof PartitionFailed failed) {
                    return failed;
                }
            }
            return null;
        }
    }

    /** A failure of the work of one partition, so that only that partition is charged with it. */
    public static final class PartitionFailed extends RuntimeException {

        private final transient Claimed partition;

        public PartitionFailed(Claimed partition, Throwable cause) {
            super(partition.key() + ": " + cause.getMessage(), cause);
            this.partition = partition;
        }

        public Claimed partition() {
            return partition;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for partitions", e);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    @Override
    public void close() {
        helper.shutdownNow();
    }
}

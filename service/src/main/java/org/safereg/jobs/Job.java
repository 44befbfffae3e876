package org.safereg.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A long job as every kind reports it: how far it got ({@code done} of {@code total}, {@code percent}), when it
 * should finish at the rate so far ({@code eta}, null until that can be estimated and once it finished), the
 * problem that stopped it ({@code error}, RFC 9457, when FAILED) and where what it made is read ({@code result}).
 * Every field is always present, null where it has no value yet.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Job(
        long id,
        JobKind kind,
        JobState state,
        long done,
        Long total,
        double percent,
        Instant eta,
        String requestedBy,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Object> error,
        String result) {

    public boolean finished() {
        return state.finished();
    }

    static Job of(JobRow row, Map<String, Object> error) {
        return new Job(
                row.id(),
                row.kind(),
                row.state(),
                row.done(),
                row.total(),
                percent(row),
                eta(row),
                row.requestedBy(),
                seconds(row.queuedAt()),
                seconds(row.startedAt()),
                seconds(row.finishedAt()),
                error,
                row.result());
    }

    /**
     * Whole seconds, as MariaDB gives them back: a job reads the same from the instance that runs it (memory) and
     * from any other (MySQL). The ETA is still computed from the exact times.
     */
    private static Instant seconds(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
    }

    private static double percent(JobRow row) {
        if (row.state() == JobState.SUCCEEDED) {
            return 100;
        }
        if (row.total() == null || row.total() <= 0) {
            return 0;
        }
        double percent = Math.round(1000.0 * row.done() / row.total()) / 10.0;
        return Math.min(100, percent);
    }

    /** The finish the rate so far promises: from the start to the last progress, scaled to what is left. */
    private static Instant eta(JobRow row) {
        if (row.state() != JobState.RUNNING
                || row.total() == null
                || row.done() <= 0
                || row.startedAt() == null
                || row.progressAt() == null) {
            return null;
        }
        long elapsed = Duration.between(row.startedAt(), row.progressAt()).toMillis();
        long left = row.total() - row.done();
        if (elapsed <= 0) {
            return null;
        }
        return left <= 0
                ? row.progressAt()
                : row.progressAt().plusMillis(Math.round((double) elapsed * left / row.done()));
    }
}

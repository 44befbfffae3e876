package org.safereg.jobs;

import java.time.Instant;

/** A job as its row holds it, or as the instance running it knows it at this moment. */
record JobRow(
        long id,
        JobKind kind,
        JobState state,
        long done,
        Long total,
        String requestedBy,
        String owner,
        Instant queuedAt,
        Instant startedAt,
        Instant progressAt,
        Instant heartbeatAt,
        Instant finishedAt,
        String result,
        String error) {}

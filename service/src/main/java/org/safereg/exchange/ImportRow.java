package org.safereg.exchange;

import java.time.Instant;

record ImportRow(
        long id,
        String dataset,
        String format,
        String fileName,
        String state,
        long totalRows,
        int inserted,
        int updated,
        int unchanged,
        long errorCount,
        int enterprises,
        String requestedBy,
        Instant startedAt,
        Instant finishedAt) {}

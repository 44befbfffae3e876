package org.safereg.exchange;

import java.time.Instant;

/** An import as recorded: what it was and what it did. */
final class ImportRecord {

    private Long id;
    final String dataset;
    final String format;
    final String fileName;
    final String state;
    final long totalRows;
    final int inserted;
    final int updated;
    final int unchanged;
    final long errorCount;
    final int enterprises;
    final String requestedBy;
    final Instant startedAt;
    final Instant finishedAt;

    ImportRecord(
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
            Instant finishedAt) {
        this.dataset = dataset;
        this.format = format;
        this.fileName = fileName;
        this.state = state;
        this.totalRows = totalRows;
        this.inserted = inserted;
        this.updated = updated;
        this.unchanged = unchanged;
        this.errorCount = errorCount;
        this.enterprises = enterprises;
        this.requestedBy = requestedBy;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}

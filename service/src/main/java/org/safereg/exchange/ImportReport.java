package org.safereg.exchange;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What an import did. */
@Schema(name = "ImportReport")
record ImportReport(
        long id,
        String dataset,
        String format,
        @Schema(description = "IMPORTED, or REJECTED (nothing written)") String state,
        @Schema(description = "the rows read") long rows,
        @Schema(description = "entries new to SafeReg") int inserted,
        @Schema(description = "entries whose natural key was known and whose values changed") int updated,
        @Schema(description = "entries SafeReg already held as they are") int unchanged,
        long errorCount,
        @Schema(description = "enterprises whose facts changed; their decisions are re-evaluated once") int enterprises,
        @Schema(description = "the job re-evaluating their decisions, none when nothing changed") Long reevaluationJob,
        Instant startedAt,
        Instant finishedAt) {

    static ImportReport of(ImportRow row, Long job) {
        return new ImportReport(
                row.id(),
                row.dataset(),
                row.format(),
                row.state(),
                row.totalRows(),
                row.inserted(),
                row.updated(),
                row.unchanged(),
                row.errorCount(),
                row.enterprises(),
                job,
                row.startedAt(),
                row.finishedAt());
    }
}

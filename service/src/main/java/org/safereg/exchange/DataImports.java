package org.safereg.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.enterprise.BatchOutcome;
import org.safereg.enterprise.DepartmentFacts;
import org.safereg.enterprise.DepartmentFactsImported;
import org.safereg.jobs.Job;
import org.safereg.jobs.JobKind;
import org.safereg.jobs.Jobs;
import org.safereg.system.Inputs;
import org.safereg.system.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a file of one dataset, whole or not at all. The file is read twice from disk, a row at a time:
 * first every row is judged (its fields, its natural key against the rows before it, its enterprise against
 * the register) and nothing is written while any row is wrong; then, in one transaction that holds the import
 * lock, the rows are matched to what is stored by their natural keys a chunk at a time and only what is new or
 * different is written through the owning feature's API. Once that has committed, the decisions of the
 * enterprises whose facts changed are re-evaluated once, as a job.
 */
@Component
class DataImports {

    private final DepartmentFacts register;
    private final ExchangeMapper mapper;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Jobs jobs;
    private final ExchangeProperties properties;
    private final Clock clock;

    DataImports(
            DepartmentFacts register,
            ExchangeMapper mapper,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Jobs jobs,
            ExchangeProperties properties,
            Clock clock) {
        this.register = register;
        this.mapper = mapper;
        this.transactions = transactions;
        this.events = events;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    <T> ImportReport run(Dataset<T> dataset, Format format, Path file, String fileName, String requestedBy)
            throws IOException {
        Instant started = now();
        ImportContext context =
                new ImportContext(LocalDate.now(clock), dataset.isRegister() ? register.regionCodes() : Set.of());

        // 1. judge every row; nothing is written
        ImportErrors errors = new ImportErrors();
        Judged judged = judge(dataset, format, file, context, errors);
        if (errors.any()) {
            ImportRecord rejected = new ImportRecord(
                    dataset.name(),
                    format.extension,
                    fileName,
                    "REJECTED",
                    judged.rows,
                    0,
                    0,
                    0,
                    errors.total(),
                    0,
                    requestedBy,
                    started,
                    now());
            transactions.executeWithoutResult(status -> mapper.insertImport(rejected));
            throw new ImportRejectedException(
                    Text.of(
                            "exchange.rejected",
                            "{0} of {1}: {2} error(s); nothing was imported.",
                            fileName == null ? format.extension.toUpperCase(java.util.Locale.ROOT) : fileName,
                            dataset.name(),
                            errors.total()),
                    errors.listed(),
                    errors.total(),
                    rejected.getId());
        }

        // 2. write it all in one transaction, one import at a time
        Set<Long> changed = new HashSet<>();
        ImportRecord imported = transactions.execute(status -> {
            mapper.lockImports();
            int[] counts = new int[3];
            List<T> chunk = new ArrayList<>(properties.chunk());
            ImportErrors none = new ImportErrors();
            try {
                RowReaders.read(format, file, dataset, none, row -> {
                    T entry = dataset.parse().apply(new Fields(row, none), context);
                    if (entry != null) {
                        chunk.add(entry);
                    }
                    if (chunk.size() >= properties.chunk()) {
                        add(counts, changed, dataset.write().apply(chunk));
                        chunk.clear();
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            add(counts, changed, dataset.write().apply(chunk));
            if (none.any()) {
                // the same file judged fine a moment ago: it cannot happen, and nothing is kept if it does
                throw new IllegalStateException("the file read differently the second time");
            }
            ImportRecord record = new ImportRecord(
                    dataset.name(),
                    format.extension,
                    fileName,
                    "IMPORTED",
                    judged.rows,
                    counts[0],
                    counts[1],
                    counts[2],
                    0,
                    changed.size(),
                    requestedBy,
                    started,
                    now());
            mapper.insertImport(record);
            return record;
        });

        // 3. the decisions the change reaches, once for every enterprise it changed
        Long job = null;
        if (!changed.isEmpty()) {
            List<Long> enterprises = List.copyOf(changed);
            Job submitted = jobs.submit(JobKind.FACTS_REEVALUATION, requestedBy, progress -> {
                progress.total(enterprises.size());
                events.publishEvent(new DepartmentFactsImported(enterprises, dataset.name()));
                progress.advance(enterprises.size());
                return "/api/v1/exchange/imports/" + imported.getId();
            });
            job = submitted.id();
        }
        return ImportReport.of(mapper.find(imported.getId()), job);
    }

    private record Judged(long rows) {}

    private <T> Judged judge(Dataset<T> dataset, Format format, Path file, ImportContext context, ImportErrors errors)
            throws IOException {
        Map<Object, Long> keys = new HashMap<>();
        Set<String> known = new HashSet<>();
        List<Pending<T>> unresolved = new ArrayList<>();
        long[] rows = {0};
        RowReaders.read(format, file, dataset, errors, row -> {
            rows[0]++;
            T entry = dataset.parse().apply(new Fields(row, errors), context);
            if (entry == null) {
                return;
            }
            Long first = keys.putIfAbsent(dataset.key().apply(entry), row.row());
            if (first != null) {
                errors.add(
                        row.row(),
                        null,
                        null,
                        Text.of("exchange.duplicate", "repeats the natural key of row {0}", first));
                return;
            }
            if (dataset.creditCode().apply(entry) != null) {
                unresolved.add(new Pending<>(row, entry));
                if (unresolved.size() >= properties.chunk()) {
                    resolve(dataset, unresolved, known, errors);
                }
            }
        });
        resolve(dataset, unresolved, known, errors);
        return new Judged(rows[0]);
    }

    private record Pending<T>(SourceRow row, T entry) {}

    /** Every enterprise these rows name must be in the register (imported earlier, or by the registry dataset). */
    private <T> void resolve(Dataset<T> dataset, List<Pending<T>> pending, Set<String> known, ImportErrors errors) {
        Set<String> codes = new HashSet<>();
        for (Pending<T> p : pending) {
            String code = dataset.creditCode().apply(p.entry());
            if (!known.contains(code)) {
                codes.add(code);
            }
        }
        known.addAll(register.enterpriseIds(codes).keySet());
        for (Pending<T> p : pending) {
            if (!known.contains(dataset.creditCode().apply(p.entry()))) {
                errors.add(p.row(), "credit_code", Inputs.UNKNOWN_ENTERPRISE_CODE);
            }
        }
        pending.clear();
    }

    private static void add(int[] counts, Set<Long> changed, BatchOutcome outcome) {
        counts[0] += outcome.inserted();
        counts[1] += outcome.updated();
        counts[2] += outcome.unchanged();
        changed.addAll(outcome.changedEnterprises());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    ImportRow find(long id) {
        return mapper.find(id);
    }
}

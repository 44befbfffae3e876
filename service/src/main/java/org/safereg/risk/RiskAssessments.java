package org.safereg.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.safereg.changes.DecisionChange;
import org.safereg.changes.DecisionChanges;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.jobs.Partitions;
import org.safereg.readmodel.ReadModel;
import org.safereg.system.ContentHash;
import org.safereg.system.DecisionMeter;
import org.safereg.system.IdList;
import org.safereg.system.JobProgress;
import org.safereg.system.ReadAhead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides risk levels and stores them: for every enterprise (keyset pages, one aggregate query per page) or
 * for a list of enterprises. Results whose content changed are upserted in MySQL, a change of level adds a
 * history row with its cause, and the read model follows once MySQL has committed; unchanged results only
 * get their evaluation time. One run at a time per instance, so that two never race on one enterprise.
 */
class RiskAssessments {

    private static final Logger log = LoggerFactory.getLogger(RiskAssessments.class);
    private static final int TOUCH_CHUNK = 500;

    private final RiskMapper mapper;
    /** The same statements in a BATCH session: sent together when the page's transaction commits. */
    private final RiskMapper batch;

    private final RuleEngine engine;
    private final ReadModel<RiskRecord> readModel;
    private final RiskProperties properties;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final DecisionMeter decisions;
    private final JobProgress gauges;
    private final DecisionChanges changes;
    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "risk-facts-reader");
        thread.setDaemon(true);
        return thread;
    });

    RiskAssessments(
            RiskMapper mapper,
            RiskMapper batch,
            RuleEngine engine,
            ReadModel<RiskRecord> readModel,
            RiskProperties properties,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock,
            DecisionMeter decisions,
            JobProgress gauges,
            DecisionChanges changes) {
        this.mapper = mapper;
        this.batch = batch;
        this.engine = engine;
        this.readModel = readModel;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.decisions = decisions;
        this.gauges = gauges;
        this.changes = changes;
    }

    /** What a run did. */
    record Run(int processed, int changed, int rewritten, int failed, String firstError, long millis) {}

    /**
     * Recomputes every enterprise. {@code cause} is recorded with each change of level (SCHEDULE, STARTUP,
     * REQUEST, or the fact that changed for many enterprises); a change after a new rule-set version is
     * recorded as RULE_SET. How many are done is reported to {@code job} once a page.
     */
    Run recomputeAll(String cause, org.safereg.jobs.Progress job) {
        running.lock();
        try {
            RuleSetSnapshot rules = engine.active();
            Instant now = now();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            Progress progress = new Progress();
            long started = System.nanoTime();
            long total = mapper.countEnterprises();
            job.total(total);
            try (JobProgress.Tracking tracking = gauges.track("risk", total, progress.processed::get)) {
                // the next page is read while this one is evaluated and written
                CompletableFuture<List<RiskFactsRow>> next =
                        CompletableFuture.supplyAsync(() -> readPageAfter(0, today, progress), reader);
                while (true) {
                    List<RiskFactsRow> page = next.join();
                    if (page.isEmpty()) {
                        break;
                    }
                    long last = page.get(page.size() - 1).enterpriseId();
                    next = CompletableFuture.supplyAsync(() -> readPageAfter(last, today, progress), reader);
                    process(page, cause, rules, now, progress);
                    job.advance(page.size());
                }
            }
            Run run = progress.done(started);
            log.info(
                    "Risk levels of all {} enterprises evaluated ({} changed level, {} rewritten, {} failed) on rule"
                            + " set {} in {} ms (read {} ms, evaluate {} ms, MySQL {} ms, read model {} ms), cause {}",
                    run.processed(),
                    run.changed(),
                    run.rewritten(),
                    run.failed(),
                    rules.version().shortHash(),
                    run.millis(),
                    progress.readNanos.get() / 1_000_000,
                    progress.evaluateNanos.get() / 1_000_000,
                    progress.mysqlNanos.get() / 1_000_000,
                    progress.readModelNanos.get() / 1_000_000,
                    cause);
            if (run.firstError() != null) {
                log.warn("{} enterprises keep their previous risk level; first: {}", run.failed(), run.firstError());
            }
            // a full run is a good moment to repair a read model that missed writes (Redis was down)
            if (readModel.isStale()) {
                readModel.rebuild();
            }
            return run;
        } finally {
            running.unlock();
        }
    }

    /** One city of a full run split by region (see {@link RiskRecompute}), and what was decided in it. */
    private record Region(Partitions.Claimed partition, Progress progress, long started) {

        Region(Partitions.Claimed partition) {
            this(partition, new Progress(), System.nanoTime());
        }
    }

    /** A page of a city's enterprises; {@code ended} are the cities whose last page came before it. */
    private record RegionPage(Region region, List<RiskFactsRow> page, long lastId, List<Region> ended) {}

    /**
     * Recomputes the enterprises of {@code first} and then of each city {@code next} hands out, on {@code rules}:
     * the cities of a full run split by region that this instance takes, as one sequence of pages, the next page
     * (the next city's first one too) read while this one is decided and written. {@code ended} hears of each
     * city once everything decided in it is written; a failure names the city it happened in.
     */
    void recomputeRegions(
            Partitions.Claimed first,
            Supplier<Optional<Partitions.Claimed>> next,
            String cause,
            RuleSetSnapshot rules,
            BiConsumer<Partitions.Claimed, Run> ended) {
        running.lock();
        try {
            Instant now = now();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            Region start = new Region(first);
            CompletableFuture<RegionPage> reading =
                    CompletableFuture.supplyAsync(() -> readRegionPage(start, 0, today, next), reader);
            while (true) {
                RegionPage read = reading.join();
                for (Region region : read.ended()) {
                    ended.accept(region.partition(), region.progress().done(region.started()));
                }
                if (read.page().isEmpty()) {
                    return;
                }
                Region region = read.region();
                reading =
                        CompletableFuture.supplyAsync(() -> readRegionPage(region, read.lastId(), today, next), reader);
                try {
                    process(read.page(), cause, rules, now, region.progress());
                } catch (RuntimeException e) {
                    throw new Partitions.PartitionFailed(region.partition(), e);
                }
            }
        } finally {
            running.unlock();
        }
    }

    /** The next page of {@code region}'s enterprises after {@code afterId}, or the first of the next city's. */
    private RegionPage readRegionPage(
            Region region, long afterId, LocalDate today, Supplier<Optional<Partitions.Claimed>> next) {
        List<Region> ended = new ArrayList<>();
        Region current = region;
        long after = afterId;
        while (true) {
            long started = System.nanoTime();
            List<Long> ids;
            List<RiskFactsRow> page;
            try {
                ids = mapper.enterpriseIdsInRegionAfter(current.partition().key(), after, properties.pageSize());
                page = ids.isEmpty() ? List.of() : mapper.factsOf(IdList.of(ids), today);
            } catch (RuntimeException e) {
                throw new Partitions.PartitionFailed(current.partition(), e);
            }
            current.progress().readNanos.addAndGet(System.nanoTime() - started);
            if (!ids.isEmpty()) {
                return new RegionPage(current, page, ids.get(ids.size() - 1), ended);
            }
            ended.add(current);
            Optional<Partitions.Claimed> following = next.get();
            if (following.isEmpty()) {
                return new RegionPage(current, List.of(), after, ended);
            }
            current = new Region(following.get());
            after = 0;
        }
    }

    /** Rebuilds the read model when it missed writes; a full run ends with this. */
    void repairReadModel() {
        if (readModel.isStale()) {
            readModel.rebuild();
        }
    }

    /** Recomputes just these enterprises (unknown ids are skipped), recording {@code cause} with each change. */
    Run recompute(Collection<Long> enterpriseIds, String cause) {
        running.lock();
        try {
            RuleSetSnapshot rules = engine.active();
            Instant now = now();
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            Progress progress = new Progress();
            long started = System.nanoTime();
            List<Long> ids = enterpriseIds.stream().distinct().sorted().toList();
            for (int from = 0; from < ids.size(); from += properties.pageSize()) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + properties.pageSize()));
                process(mapper.factsOf(IdList.of(chunk), today), cause, rules, now, progress);
            }
            Run run = progress.done(started);
            log.debug(
                    "Risk levels of {} enterprises recomputed ({} changed), cause {}",
                    ids.size(),
                    run.changed(),
                    cause);
            if (run.firstError() != null) {
                log.warn("{} enterprises keep their previous risk level; first: {}", run.failed(), run.firstError());
            }
            return run;
        } finally {
            running.unlock();
        }
    }

    /**
     * Every enterprise's risk level decided on two versions of the rules from the facts as they are now,
     * storing nothing. The candidate's credit tiers ({@code tiersAfter}, by enterprise id) stand in for the
     * tiers in force where it decides them differently, since the risk table reads the tier.
     */
    List<RiskSimulation.Outcome> simulate(
            RuleSetSnapshot before,
            RuleSetSnapshot after,
            Map<Long, String> tiersAfter,
            org.safereg.jobs.Progress job) {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Progress progress = new Progress();
        List<RiskSimulation.Outcome> outcomes = new ArrayList<>();
        // the next page is read while this one is decided on both versions
        ExecutorService reader = ReadAhead.reader("impact-risk-reader");
        try {
            CompletableFuture<List<RiskFactsRow>> next =
                    CompletableFuture.supplyAsync(() -> readPageAfter(0, today, progress), reader);
            while (true) {
                List<RiskFactsRow> page = ReadAhead.joined(next);
                if (page.isEmpty()) {
                    return outcomes;
                }
                long afterId = page.get(page.size() - 1).enterpriseId();
                next = CompletableFuture.supplyAsync(() -> readPageAfter(afterId, today, progress), reader);
                outcomes.addAll(decideBoth(page, before, after, tiersAfter, now));
                job.advance(page.size());
            }
        } finally {
            reader.shutdownNow();
        }
    }

    private static List<RiskSimulation.Outcome> decideBoth(
            List<RiskFactsRow> page,
            RuleSetSnapshot before,
            RuleSetSnapshot after,
            Map<Long, String> tiersAfter,
            Instant now) {
        return page.parallelStream()
                .map(row -> {
                    RiskFacts facts = row.facts();
                    RiskFacts candidate = tiersAfter.containsKey(row.enterpriseId())
                            ? facts.withCreditTier(tiersAfter.get(row.enterpriseId()))
                            : facts;
                    return new RiskSimulation.Outcome(
                            row.enterpriseId(), levelOrNull(before, facts, now), levelOrNull(after, candidate, now));
                })
                .toList();
    }

    private static String levelOrNull(RuleSetSnapshot rules, RiskFacts facts, Instant now) {
        try {
            return RiskAssessor.assess(rules, facts, now).level().name();
        } catch (RiskModelException e) {
            return null;
        }
    }

    private List<RiskFactsRow> readPageAfter(long afterId, LocalDate today, Progress progress) {
        long started = System.nanoTime();
        List<Long> ids = mapper.enterpriseIdsAfter(afterId, properties.pageSize());
        List<RiskFactsRow> page =
                ids.isEmpty() ? List.of() : mapper.factsBetween(ids.get(0), ids.get(ids.size() - 1), today);
        progress.readNanos.addAndGet(System.nanoTime() - started);
        return page;
    }

    private void process(List<RiskFactsRow> page, String cause, RuleSetSnapshot rules, Instant now, Progress progress) {
        long started = System.nanoTime();
        List<Evaluated> evaluated = page.parallelStream()
                .map(row -> {
                    try {
                        RiskAssessment assessment = RiskAssessor.assess(rules, row.facts(), now);
                        decisions.decided(
                                assessment.ruleSetVersion(),
                                1,
                                assessment.firedRules().size());
                        return new Evaluated(row, toRecord(assessment));
                    } catch (RiskModelException e) {
                        progress.failed.incrementAndGet();
                        progress.firstError.compareAndSet(null, row.creditCode() + ": " + e.getMessage());
                        return null;
                    }
                })
                .filter(Objects::nonNull)
                .toList();
        progress.evaluateNanos.addAndGet(System.nanoTime() - started);
        write(evaluated, cause, now, progress);
        progress.processed.addAndGet(page.size());
    }

    private void write(List<Evaluated> page, String cause, Instant now, Progress progress) {
        List<RiskRecord> rewritten = new ArrayList<>();
        List<Long> unchangedIds = new ArrayList<>();
        List<String> unchangedCodes = new ArrayList<>();
        List<RiskHistoryRow> history = new ArrayList<>();
        for (Evaluated evaluated : page) {
            RiskFactsRow before = evaluated.row();
            RiskRecord after = evaluated.record();
            if (before.previousHash() != null && before.previousHash() == after.contentHash()) {
                unchangedIds.add(after.enterpriseId());
                unchangedCodes.add(after.creditCode());
                continue;
            }
            rewritten.add(after);
            if (!after.level().equals(before.previousLevel())) {
                boolean newRules = before.previousVersion() != null
                        && !before.previousVersion().equals(after.ruleSetVersion());
                history.add(new RiskHistoryRow(
                        after.enterpriseId(),
                        after.level(),
                        before.previousLevel(),
                        newRules ? "RULE_SET" : cause,
                        after.ruleSetVersion(),
                        after.evaluatedAt()));
            }
        }
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            rewritten.forEach(batch::upsertResult);
            history.forEach(batch::insertHistory);
            // the change feed sees the decision when MySQL does, in the same transaction
            changes.record(history.stream()
                    .map(h -> DecisionChange.risk(
                            h.enterpriseId(),
                            h.level(),
                            h.previousLevel(),
                            h.cause(),
                            h.ruleSetVersion(),
                            h.evaluatedAt()))
                    .toList());
            for (int i = 0; i < unchangedIds.size(); i += TOUCH_CHUNK) {
                batch.touchResults(unchangedIds.subList(i, Math.min(unchangedIds.size(), i + TOUCH_CHUNK)), now);
            }
        });
        long written = System.nanoTime();
        progress.mysqlNanos.addAndGet(written - started);
        // the read model follows MySQL, never leads it
        readModel.write(rewritten);
        readModel.touch(unchangedCodes, now);
        progress.readModelNanos.addAndGet(System.nanoTime() - written);
        progress.changed.addAndGet(history.size());
        progress.rewritten.addAndGet(rewritten.size());
    }

    RiskRecord toRecord(RiskAssessment assessment) {
        // ordinals into the version's rules (rule_set_rules), as credit stores them
        StringBuilder fired = new StringBuilder(4 * assessment.firedRules().size() + 2).append('[');
        for (FiredRule rule : assessment.firedRules()) {
            if (fired.length() > 1) {
                fired.append(',');
            }
            fired.append(rule.ordinal());
        }
        String firedJson = fired.append(']').toString();
        String reasonsJson = write(assessment.reasons());
        String inputsJson = write(assessment.facts());
        String level = assessment.level().name();
        long hash = ContentHash.of(level, reasonsJson, inputsJson, firedJson, assessment.ruleSetVersion());
        return new RiskRecord(
                assessment.facts().enterpriseId(),
                assessment.facts().creditCode(),
                level,
                reasonsJson,
                inputsJson,
                firedJson,
                assessment.ruleSetVersion(),
                assessment.evaluatedAt(),
                hash);
    }

    /** Whole seconds: what MariaDB keeps through Connector/J, so both stores show the same time. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }

    private record Evaluated(RiskFactsRow row, RiskRecord record) {}

    private static final class Progress {
        final AtomicInteger processed = new AtomicInteger();
        final AtomicInteger changed = new AtomicInteger();
        final AtomicInteger rewritten = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final AtomicLong readNanos = new AtomicLong();
        final AtomicLong evaluateNanos = new AtomicLong();
        final AtomicLong mysqlNanos = new AtomicLong();
        final AtomicLong readModelNanos = new AtomicLong();

        Run done(long startedNanos) {
            return new Run(
                    processed.get(),
                    changed.get(),
                    rewritten.get(),
                    failed.get(),
                    firstError.get(),
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }
}

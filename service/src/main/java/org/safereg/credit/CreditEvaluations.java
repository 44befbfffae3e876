package org.safereg.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.enterprise.EnterpriseFactsChanged;
import org.safereg.readmodel.ReadModel;
import org.safereg.system.ContentHash;
import org.safereg.system.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full credit evaluation: reads every enterprise's facts page by page (keyset paging, one query per
 * page and fact table), evaluates them on one rule-set snapshot, and writes results and history to
 * MySQL, then the read model. Progress lives in {@code credit_jobs}, so any instance can report it.
 */
class CreditEvaluations {

    private static final Logger log = LoggerFactory.getLogger(CreditEvaluations.class);
    private static final int INSERT_CHUNK = 500;

    private final CreditMapper mapper;
    /** The same statements in a BATCH session: sent together when the page's transaction commits. */
    private final CreditMapper batch;

    private final RuleEngine engine;
    private final ReadModel<CreditRecord> readModel;
    private final CreditProperties properties;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JobLeases leases;
    private final ExecutorService background = Executors.newSingleThreadExecutor(daemon("credit-evaluation"));
    private final ExecutorService reader = Executors.newSingleThreadExecutor(daemon("credit-facts-reader"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("credit-results-writer"));
    private final ExecutorService readModelWriter =
            Executors.newSingleThreadExecutor(daemon("credit-read-model-writer"));

    CreditEvaluations(
            CreditMapper mapper,
            CreditMapper batch,
            RuleEngine engine,
            ReadModel<CreditRecord> readModel,
            CreditProperties properties,
            TransactionTemplate transactions,
            ObjectMapper json,
            ApplicationEventPublisher events,
            JobLeases leases,
            Clock clock) {
        this.leases = leases;
        this.mapper = mapper;
        this.batch = batch;
        this.engine = engine;
        this.readModel = readModel;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Starts a full evaluation in the background and returns its job; when one is already running
     * (on any instance) that one is returned instead of starting a second.
     */
    CreditJobRecord start(String trigger, String requestedBy) {
        Optional<CreditJobRecord> running = runningJob();
        if (running.isPresent()) {
            return running.get();
        }
        long id = open(trigger, requestedBy, engine.active());
        background.submit(() -> execute(id));
        return mapper.findJob(id);
    }

    /**
     * The job some instance is running, if any. A job whose instance stopped writing its heartbeat for
     * longer than the lease died with it: it is marked abandoned first, so that a new one can start.
     */
    Optional<CreditJobRecord> runningJob() {
        int abandoned = mapper.abandonStaleJobs(leases.silentSince(), Instant.now(clock));
        if (abandoned > 0) {
            log.warn("{} credit job(s) were abandoned by an instance that stopped; taking the work over", abandoned);
        }
        return Optional.ofNullable(mapper.findRunningJob());
    }

    /**
     * Makes sure every enterprise's credit ends on the version in force: when no job is running (a job
     * whose instance died counts as not running) and no job on the active version went through, one
     * starts. Each instance calls this now and then (see {@link CreditSchedule}).
     *
     * @return the job started, if one was
     */
    Optional<CreditJobRecord> takeOver() {
        if (runningJob().isPresent() || mapper.countEnterprises() == 0) {
            return Optional.empty();
        }
        String active = engine.active().version().hash();
        if (mapper.completedJobOn(active)) {
            return Optional.empty();
        }
        log.info("No credit run on the rule set in force ({}) went through; starting one", active);
        return Optional.of(start("TAKEOVER", null));
    }

    /** Runs a full evaluation on the calling thread (schedule, start-up, benchmark). */
    CreditJobRecord runNow(String trigger, String requestedBy) {
        long id = open(trigger, requestedBy, engine.active());
        execute(id);
        return mapper.findJob(id);
    }

    /**
     * Every enterprise's credit decided on two versions of the rules from the facts as they are now, in pages
     * as a full run reads them, storing nothing: what activating {@code after} would change.
     */
    List<CreditSimulation.Outcome> simulate(RuleSetSnapshot before, RuleSetSnapshot after) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate asOf = LocalDate.ofInstant(now, clock.getZone());
        Window window = new Window(
                asOf, asOf.minusMonths(properties.windowMonths()), asOf.minusMonths(properties.vetoLookbackMonths()));
        Progress progress = new Progress(0);
        List<CreditSimulation.Outcome> outcomes = new ArrayList<>();
        long afterId = 0;
        while (true) {
            Page page = read(afterId, window, progress);
            if (page.rows().isEmpty()) {
                return outcomes;
            }
            outcomes.addAll(page.rows().parallelStream()
                    .map(row -> {
                        CreditFacts facts = row.toFacts(asOf);
                        List<Accident> accidents = page.accidents().getOrDefault(row.enterpriseId(), List.of());
                        CreditAssessment was = assessOrNull(before, facts, accidents, now);
                        CreditAssessment will = assessOrNull(after, facts, accidents, now);
                        return new CreditSimulation.Outcome(
                                row.enterpriseId(),
                                row.creditCode(),
                                was == null ? null : was.tier(),
                                was == null ? null : was.score(),
                                will == null ? null : will.tier(),
                                will == null ? null : will.score());
                    })
                    .toList());
            afterId = page.lastId();
        }
    }

    private static CreditAssessment assessOrNull(
            RuleSetSnapshot rules, CreditFacts facts, List<Accident> accidents, Instant now) {
        try {
            return CreditAssessor.assess(rules, facts, accidents, now);
        } catch (CreditModelException e) {
            return null; // the model cannot decide it (a band gap): shown as no tier
        }
    }

    Optional<CreditJobRecord> job(long id) {
        return Optional.ofNullable(mapper.findJob(id));
    }

    private long open(String trigger, String requestedBy, RuleSetSnapshot rules) {
        CreditJobStart start =
                new CreditJobStart(trigger, requestedBy, rules.version().hash(), Instant.now(clock), leases.owner());
        mapper.insertJob(start);
        return start.getId();
    }

    private void execute(long jobId) {
        RuleSetSnapshot rules = engine.active();
        try (JobLeases.Heartbeat beat = leases.beat("credit job " + jobId, at -> mapper.heartbeat(jobId, at))) {
            run(jobId, rules);
        }
        String active = engine.active().version().hash();
        if (!active.equals(rules.version().hash())) {
            // another version came into force while this one ran: the decisions end on the one in force
            log.info("Rule set {} came into force during credit job {}; evaluating again on it", active, jobId);
            execute(open("RULE_SET", null, engine.active()));
        }
    }

    private void run(long jobId, RuleSetSnapshot rules) {
        // whole seconds: what MariaDB keeps through Connector/J, so both stores show the same time
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate asOf = LocalDate.ofInstant(now, clock.getZone());
        Window window = new Window(
                asOf, asOf.minusMonths(properties.windowMonths()), asOf.minusMonths(properties.vetoLookbackMonths()));
        Progress progress = new Progress(mapper.countEnterprises());
        long started = System.nanoTime();
        try {
            // the stages overlap: the next page is read, this one evaluated, the previous one written to
            // MySQL and the one before to the read model; each stage keeps page order, and the read model
            // only ever gets a page that MySQL has committed
            CompletableFuture<Page> next = CompletableFuture.supplyAsync(() -> read(0, window, progress), reader);
            CompletableFuture<Runnable> writing = CompletableFuture.completedFuture(() -> {});
            CompletableFuture<Void> readModelWriting = CompletableFuture.completedFuture(null);
            while (true) {
                Page page = next.join();
                if (page.rows().isEmpty()) {
                    break;
                }
                next = CompletableFuture.supplyAsync(() -> read(page.lastId(), window, progress), reader);
                List<Evaluated> evaluated = evaluatePage(rules, page, window.asOf(), now, progress);
                readModelWriting = readModelWriting.thenRunAsync(writing.join(), readModelWriter);
                writing = CompletableFuture.supplyAsync(
                        () -> {
                            Runnable readModelStep = writePage(jobId, evaluated, now, progress);
                            progress.processed.addAndGet(page.rows().size());
                            mapper.updateJobProgress(
                                    jobId,
                                    progress.total,
                                    progress.processed.get(),
                                    progress.changed.get(),
                                    progress.failed.get(),
                                    Instant.now(clock));
                            return readModelStep;
                        },
                        writer);
            }
            readModelWriting.thenRunAsync(writing.join(), readModelWriter).join();
            String error = progress.firstError.get();
            mapper.finishJob(
                    jobId,
                    error == null ? "SUCCEEDED" : "FAILED",
                    Instant.now(clock),
                    error == null
                            ? null
                            : truncate(progress.failed.get() + " enterprises could not be evaluated and kept"
                                    + " their previous credit; first: " + error));
            log.info(
                    "Credit job {} evaluated {} enterprises ({} changed, {} rewritten, {} failed) on rule set {} in"
                            + " {} ms (read {} ms, evaluate {} ms, MySQL {} ms, read model {} ms)",
                    jobId,
                    progress.processed.get(),
                    progress.changed.get(),
                    progress.rewritten.get(),
                    progress.failed.get(),
                    rules.version().shortHash(),
                    (System.nanoTime() - started) / 1_000_000,
                    progress.readNanos.get() / 1_000_000,
                    progress.evaluateNanos.get() / 1_000_000,
                    progress.mysqlNanos.get() / 1_000_000,
                    progress.readModelNanos.get() / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Credit job {} failed", jobId, e);
            mapper.finishJob(jobId, "FAILED", Instant.now(clock), truncate(String.valueOf(e.getMessage())));
        }
        if (readModel.isStale()) {
            readModel.rebuild();
        }
    }

    /** One page of enterprises with their facts: one query per fact kind, never one per enterprise. */
    private Page read(long afterId, Window window, Progress progress) {
        long started = System.nanoTime();
        List<Long> ids = mapper.enterpriseIdsAfter(afterId, properties.pageSize());
        if (ids.isEmpty()) {
            return new Page(List.of(), Map.of(), afterId);
        }
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        List<CreditFactsRow> rows = mapper.factsBetween(first, last, window.start(), window.asOf());
        Map<Long, List<Accident>> accidents =
                mapper.accidentsBetween(first, last, window.accidentsSince(), window.asOf()).stream()
                        .map(a -> new Accident(
                                a.enterpriseId(),
                                AccidentGrade.valueOf(a.grade()),
                                (int) ChronoUnit.MONTHS.between(a.occurredOn(), window.asOf()),
                                a.deaths(),
                                a.concealed()))
                        .collect(Collectors.groupingBy(Accident::enterpriseId));
        progress.readNanos.addAndGet(System.nanoTime() - started);
        return new Page(rows, accidents, last);
    }

    private List<Evaluated> evaluatePage(
            RuleSetSnapshot rules, Page page, LocalDate asOf, Instant now, Progress progress) {
        long started = System.nanoTime();
        List<Evaluated> evaluated = page.rows().parallelStream()
                .map(row -> {
                    CreditFacts facts = row.toFacts(asOf);
                    try {
                        CreditAssessment assessment = CreditAssessor.assess(
                                rules, facts, page.accidents().getOrDefault(row.enterpriseId(), List.of()), now);
                        return new Evaluated(row, toRecord(assessment, facts));
                    } catch (CreditModelException e) {
                        progress.failed.incrementAndGet();
                        progress.firstError.compareAndSet(null, row.creditCode() + ": " + e.getMessage());
                        return null;
                    }
                })
                .filter(Objects::nonNull)
                .toList();
        progress.evaluateNanos.addAndGet(System.nanoTime() - started);
        return evaluated;
    }

    /**
     * Writes what changed in full (MySQL, history, read model) and only the evaluation time of what did
     * not: a nightly run over a quiet province then costs little more than reading it.
     */
    private Runnable writePage(long jobId, List<Evaluated> page, Instant now, Progress progress) {
        List<CreditRecord> rewritten = new ArrayList<>();
        List<Long> unchangedIds = new ArrayList<>();
        List<String> unchangedCodes = new ArrayList<>();
        List<HistoryRow> history = new ArrayList<>();
        List<Long> tierChanged = new ArrayList<>();
        for (Evaluated evaluated : page) {
            CreditFactsRow before = evaluated.row();
            CreditRecord after = evaluated.record();
            if (before.previousHash() != null && before.previousHash() == after.contentHash()) {
                unchangedIds.add(after.enterpriseId());
                unchangedCodes.add(after.creditCode());
                continue;
            }
            rewritten.add(after);
            boolean decisionChanged = before.previousTier() == null
                    || !before.previousTier().equals(after.tier())
                    || before.previousScore().compareTo(after.score()) != 0
                    || !after.ruleSetVersion().equals(before.previousVersion())
                    || !after.vetoes().equals(before.previousVetoes());
            if (!after.tier().equals(before.previousTier())) {
                tierChanged.add(after.enterpriseId());
            }
            if (decisionChanged) {
                history.add(new HistoryRow(
                        after.enterpriseId(),
                        after.score(),
                        after.tier(),
                        before.previousTier(),
                        after.vetoes(),
                        after.ruleSetVersion(),
                        after.evaluatedAt(),
                        jobId));
            }
        }
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            rewritten.forEach(batch::upsertResult);
            history.forEach(batch::insertHistory);
            for (List<Long> chunk : chunks(unchangedIds)) {
                batch.touchResults(chunk, now);
            }
        });
        progress.mysqlNanos.addAndGet(System.nanoTime() - started);
        if (!tierChanged.isEmpty()) {
            // committed: decisions that read the tier (risk level) are due again for these enterprises
            events.publishEvent(new EnterpriseFactsChanged(tierChanged, EnterpriseFactsChanged.Fact.CREDIT));
        }
        progress.changed.addAndGet(history.size());
        progress.rewritten.addAndGet(rewritten.size());
        // the read model follows MySQL, never leads it: this runs once the page is committed
        return () -> {
            long writing = System.nanoTime();
            readModel.write(rewritten);
            readModel.touch(unchangedCodes, now);
            progress.readModelNanos.addAndGet(System.nanoTime() - writing);
        };
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += INSERT_CHUNK) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + INSERT_CHUNK)));
        }
        return chunks;
    }

    CreditRecord toRecord(CreditAssessment assessment, CreditFacts facts) {

        // ordinals into the version's rules (rule_set_rules): the explanation at a fraction of the bytes
        StringBuilder fired = new StringBuilder(4 * assessment.firedRules().size() + 2).append('[');
        for (FiredRule rule : assessment.firedRules()) {
            if (fired.length() > 1) {
                fired.append(',');
            }
            fired.append(rule.ordinal());
        }
        BigDecimal score = BigDecimal.valueOf(assessment.score()).setScale(2, RoundingMode.HALF_UP);
        String measuresJson = write(facts);
        String indicatorsJson = write(assessment.indicators());
        String vetoesJson = write(assessment.vetoes());
        String firedJson = fired.append(']').toString();
        long hash = ContentHash.of(
                score.toPlainString(),
                assessment.tier(),
                assessment.scoreTier(),
                measuresJson,
                indicatorsJson,
                vetoesJson,
                firedJson,
                assessment.ruleSetVersion());
        return new CreditRecord(
                assessment.enterpriseId(),
                assessment.creditCode(),
                score,
                assessment.tier(),
                assessment.scoreTier(),
                measuresJson,
                indicatorsJson,
                vetoesJson,
                firedJson,
                assessment.ruleSetVersion(),
                assessment.evaluatedAt().truncatedTo(ChronoUnit.MILLIS),
                hash);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private record Evaluated(CreditFactsRow row, CreditRecord record) {}

    private record Page(List<CreditFactsRow> rows, Map<Long, List<Accident>> accidents, long lastId) {}

    private record Window(LocalDate asOf, LocalDate start, LocalDate accidentsSince) {}

    private static final class Progress {
        final int total;
        final AtomicInteger processed = new AtomicInteger();
        final AtomicInteger changed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger rewritten = new AtomicInteger();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final AtomicLong readNanos = new AtomicLong();
        final AtomicLong evaluateNanos = new AtomicLong();
        final AtomicLong mysqlNanos = new AtomicLong();
        final AtomicLong readModelNanos = new AtomicLong();

        Progress(int total) {
            this.total = total;
        }
    }
}

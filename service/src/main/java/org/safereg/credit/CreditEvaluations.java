package org.safereg.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final RuleEngine engine;
    private final CreditReadModels readModels;
    private final CreditProperties properties;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "credit-evaluation");
        thread.setDaemon(true);
        return thread;
    });

    CreditEvaluations(
            CreditMapper mapper,
            RuleEngine engine,
            CreditReadModels readModels,
            CreditProperties properties,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock) {
        this.mapper = mapper;
        this.engine = engine;
        this.readModels = readModels;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts a full evaluation in the background and returns its job; when one is already running
     * (on any instance) that one is returned instead of starting a second.
     */
    CreditJobRecord start(String trigger, String requestedBy) {
        mapper.abandonStaleJobs(Instant.now(clock).minus(2, ChronoUnit.MINUTES), Instant.now(clock));
        CreditJobRecord running = mapper.findRunningJob();
        if (running != null) {
            return running;
        }
        long id = open(trigger, requestedBy, engine.active());
        background.submit(() -> execute(id));
        return mapper.findJob(id);
    }

    /** Runs a full evaluation on the calling thread (schedule, start-up, benchmark). */
    CreditJobRecord runNow(String trigger, String requestedBy) {
        long id = open(trigger, requestedBy, engine.active());
        execute(id);
        return mapper.findJob(id);
    }

    Optional<CreditJobRecord> job(long id) {
        return Optional.ofNullable(mapper.findJob(id));
    }

    private long open(String trigger, String requestedBy, RuleSetSnapshot rules) {
        CreditJobStart start =
                new CreditJobStart(trigger, requestedBy, rules.version().hash(), Instant.now(clock));
        mapper.insertJob(start);
        return start.getId();
    }

    private void execute(long jobId) {
        RuleSetSnapshot rules = engine.active();
        Instant now = Instant.now(clock);
        LocalDate asOf = LocalDate.ofInstant(now, clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone());
        LocalDate windowStart = asOf.minusMonths(properties.windowMonths());
        LocalDate accidentsSince = asOf.minusMonths(properties.vetoLookbackMonths());
        Progress progress = new Progress(mapper.countEnterprises());
        long started = System.nanoTime();
        try {
            long after = 0;
            while (true) {
                List<Long> ids = mapper.enterpriseIdsAfter(after, properties.pageSize());
                if (ids.isEmpty()) {
                    break;
                }
                long first = ids.get(0);
                long last = ids.get(ids.size() - 1);
                List<CreditFactsRow> facts = mapper.factsBetween(first, last, windowStart, asOf);
                Map<Long, List<Accident>> accidents =
                        mapper.accidentsBetween(first, last, accidentsSince, asOf).stream()
                                .map(a -> new Accident(
                                        a.enterpriseId(),
                                        AccidentGrade.valueOf(a.grade()),
                                        (int) ChronoUnit.MONTHS.between(a.occurredOn(), asOf),
                                        a.deaths(),
                                        a.concealed()))
                                .collect(Collectors.groupingBy(Accident::enterpriseId));
                writePage(jobId, evaluatePage(rules, facts, accidents, asOf, now, progress), progress);
                progress.processed.addAndGet(facts.size());
                mapper.updateJobProgress(
                        jobId,
                        progress.total,
                        progress.processed.get(),
                        progress.changed.get(),
                        progress.failed.get(),
                        Instant.now(clock));
                after = last;
            }
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
                    "Credit job {} evaluated {} enterprises ({} changed, {} failed) on rule set {} in {} ms",
                    jobId,
                    progress.processed.get(),
                    progress.changed.get(),
                    progress.failed.get(),
                    rules.version().shortHash(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Credit job {} failed", jobId, e);
            mapper.finishJob(jobId, "FAILED", Instant.now(clock), truncate(String.valueOf(e.getMessage())));
        }
        if (readModels.isStale()) {
            readModels.rebuild();
        }
    }

    private List<Evaluated> evaluatePage(
            RuleSetSnapshot rules,
            List<CreditFactsRow> rows,
            Map<Long, List<Accident>> accidents,
            LocalDate asOf,
            Instant now,
            Progress progress) {
        return rows.parallelStream()
                .map(row -> {
                    CreditFacts facts = new CreditFacts(
                            row.enterpriseId(),
                            row.creditCode(),
                            row.sector(),
                            row.licenceStatus(),
                            asOf,
                            row.majorHazardsDue(),
                            row.majorHazardsRectifiedOnTime(),
                            row.violations(),
                            row.art114MultipleFines(),
                            row.employeesRequiringTraining(),
                            row.employeesTrained(),
                            row.drillsPlanned(),
                            row.drillsCompleted());
                    try {
                        CreditAssessment assessment = CreditAssessor.assess(
                                rules, facts, accidents.getOrDefault(row.enterpriseId(), List.of()), now);
                        return new Evaluated(row, toRecord(assessment, facts));
                    } catch (CreditModelException e) {
                        progress.failed.incrementAndGet();
                        progress.firstError.compareAndSet(null, row.creditCode() + ": " + e.getMessage());
                        return null;
                    }
                })
                .filter(Objects::nonNull)
                .toList();
    }

    private void writePage(long jobId, List<Evaluated> page, Progress progress) {
        List<CreditRecord> records = page.stream().map(Evaluated::record).toList();
        List<HistoryRow> history = new ArrayList<>();
        for (Evaluated evaluated : page) {
            CreditFactsRow before = evaluated.row();
            CreditRecord after = evaluated.record();
            boolean changed = before.previousTier() == null
                    || !before.previousTier().equals(after.tier())
                    || before.previousScore().compareTo(after.score()) != 0
                    || !after.ruleSetVersion().equals(before.previousVersion())
                    || !after.vetoes().equals(before.previousVetoes());
            if (changed) {
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
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < records.size(); i += INSERT_CHUNK) {
                mapper.upsertResults(records.subList(i, Math.min(records.size(), i + INSERT_CHUNK)));
            }
            for (int i = 0; i < history.size(); i += INSERT_CHUNK) {
                mapper.insertHistory(history.subList(i, Math.min(history.size(), i + INSERT_CHUNK)));
            }
        });
        progress.changed.addAndGet(history.size());
        readModels.write(records);
    }

    CreditRecord toRecord(CreditAssessment assessment, CreditFacts facts) {
        Measures measures = new Measures(
                facts.majorHazardsDue(),
                facts.majorHazardsRectifiedOnTime(),
                facts.violations(),
                facts.art114MultipleFines(),
                facts.employeesRequiringTraining(),
                facts.employeesTrained(),
                facts.drillsPlanned(),
                facts.drillsCompleted());
        List<FiredRuleView> fired =
                assessment.firedRules().stream().map(FiredRuleView::of).toList();
        return new CreditRecord(
                assessment.enterpriseId(),
                assessment.creditCode(),
                BigDecimal.valueOf(assessment.score()).setScale(2, RoundingMode.HALF_UP),
                assessment.tier(),
                assessment.scoreTier(),
                write(measures),
                write(assessment.indicators()),
                write(assessment.vetoes()),
                write(fired),
                assessment.ruleSetVersion(),
                assessment.evaluatedAt().truncatedTo(ChronoUnit.MILLIS));
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

    /** The raw facts behind the indicators, shown to an enterprise so it can see what to improve. */
    record Measures(
            int majorHazardsDue,
            int majorHazardsRectifiedOnTime,
            int violations,
            int art114MultipleFines,
            int employeesRequiringTraining,
            int employeesTrained,
            int drillsPlanned,
            int drillsCompleted) {}

    /** A fired rule as stored and served: its name and where a policy officer finds it. */
    record FiredRuleView(String rule, String file, String sheet, String table, Integer row) {

        static FiredRuleView of(FiredRule fired) {
            var origin = fired.origin();
            return origin == null
                    ? new FiredRuleView(fired.name(), null, null, null, null)
                    : new FiredRuleView(fired.name(), origin.file(), origin.sheet(), origin.table(), origin.row());
        }
    }

    private record Evaluated(CreditFactsRow row, CreditRecord record) {}

    private static final class Progress {
        final int total;
        final AtomicInteger processed = new AtomicInteger();
        final AtomicInteger changed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<String> firstError = new AtomicReference<>();

        Progress(int total) {
            this.total = total;
        }
    }
}

package org.safereg.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.safereg.changes.DecisionChange;
import org.safereg.changes.DecisionChanges;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.readmodel.ReadModel;
import org.safereg.system.ContentHash;
import org.safereg.system.DecisionMeter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credit decided and stored: a page's decisions become results, and what changed is written to MySQL (results
 * and history), then to the read model. An enterprise whose tier changed is announced as
 * {@link CreditTiersChanged}, so that the decisions that read the tier follow.
 */
class CreditResults {

    private static final int TOUCH_CHUNK = 500;

    /** The mapper's statements in a BATCH session: sent together when the page's transaction commits. */
    private final CreditMapper batch;

    private final ReadModel<CreditRecord> readModel;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final DecisionMeter decisions;
    private final DecisionChanges changes;

    CreditResults(
            CreditMapper batch,
            ReadModel<CreditRecord> readModel,
            TransactionTemplate transactions,
            ObjectMapper json,
            ApplicationEventPublisher events,
            DecisionMeter decisions,
            DecisionChanges changes) {
        this.batch = batch;
        this.readModel = readModel;
        this.transactions = transactions;
        this.json = json;
        this.events = events;
        this.decisions = decisions;
        this.changes = changes;
    }

    /** An enterprise's new result beside the facts row that carries its previous one. */
    record Evaluated(CreditFactsRow row, CreditRecord record) {

        boolean unchanged() {
            return row.previousHash() != null && row.previousHash() == record.contentHash();
        }
    }

    /** Decides a page; the enterprises the rules cannot decide are counted as failed and left out. */
    List<Evaluated> evaluate(RuleSetSnapshot rules, CreditPage page, CreditWindow window, CreditProgress progress) {
        long started = System.nanoTime();
        List<Evaluated> evaluated = CreditDecisions.decide(rules, page, window).parallelStream()
                .map(decision -> {
                    if (decision.assessment() == null) {
                        progress.failed(decision.row().creditCode(), decision.failure());
                        return null;
                    }
                    decisions.decided(
                            decision.assessment().ruleSetVersion(),
                            1,
                            decision.assessment().firedRules().size());
                    return new Evaluated(decision.row(), toRecord(decision.assessment(), decision.facts()));
                })
                .filter(Objects::nonNull)
                .toList();
        progress.evaluateNanos.addAndGet(System.nanoTime() - started);
        return evaluated;
    }

    /**
     * Writes what changed in full (MySQL, history, read model) and only the evaluation time of what did
     * not: a nightly run over a quiet province then costs little more than reading it.
     *
     * @param jobId the full run the history rows belong to; null for a reassessment
     * @return the read model's part, to run once MySQL has committed (the read model follows MySQL, never
     *     leads it)
     */
    Runnable write(Long jobId, List<Evaluated> page, Instant now, CreditProgress progress) {
        List<CreditRecord> rewritten = new ArrayList<>();
        List<Long> unchangedIds = new ArrayList<>();
        List<String> unchangedCodes = new ArrayList<>();
        List<HistoryRow> history = new ArrayList<>();
        List<Long> tierChanged = new ArrayList<>();
        for (Evaluated evaluated : page) {
            CreditFactsRow before = evaluated.row();
            CreditRecord after = evaluated.record();
            if (evaluated.unchanged()) {
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
            // the change feed sees the decision when MySQL does, in the same transaction
            changes.record(history.stream()
                    .map(h -> DecisionChange.credit(
                            h.enterpriseId(),
                            h.tier(),
                            h.previousTier(),
                            h.score().toPlainString(),
                            h.ruleSetVersion(),
                            h.evaluatedAt()))
                    .toList());
            for (int i = 0; i < unchangedIds.size(); i += TOUCH_CHUNK) {
                batch.touchResults(unchangedIds.subList(i, Math.min(unchangedIds.size(), i + TOUCH_CHUNK)), now);
            }
        });
        progress.mysqlNanos.addAndGet(System.nanoTime() - started);
        if (!tierChanged.isEmpty()) {
            // committed: decisions that read the tier (risk level) are due again for these enterprises
            events.publishEvent(new CreditTiersChanged(tierChanged));
        }
        progress.changed.addAndGet(history.size());
        progress.rewritten.addAndGet(rewritten.size());
        return () -> {
            long writing = System.nanoTime();
            readModel.write(rewritten);
            readModel.touch(unchangedCodes, now);
            progress.readModelNanos.addAndGet(System.nanoTime() - writing);
        };
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
}

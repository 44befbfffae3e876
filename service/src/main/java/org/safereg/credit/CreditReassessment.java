package org.safereg.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.enterprise.EnterpriseFactsChanged;
import org.safereg.readmodel.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-evaluates the credit of a few enterprises at once when their facts change (a hazard recorded or
 * rectified, an inspection result), so that the next decision reflects them without waiting for the
 * nightly run. Same facts, window and rules as the full evaluation; a changed tier is recorded in the
 * history and announced as {@link EnterpriseFactsChanged.Fact#CREDIT}.
 */
@Component
class CreditReassessment {

    private static final Logger log = LoggerFactory.getLogger(CreditReassessment.class);

    private final CreditMapper mapper;
    private final CreditEvaluations evaluations;
    private final ReadModel<CreditRecord> readModel;
    private final RuleEngine engine;
    private final CreditProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditReassessment(
            CreditMapper mapper,
            CreditEvaluations evaluations,
            ReadModel<CreditRecord> readModel,
            RuleEngine engine,
            CreditProperties properties,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.mapper = mapper;
        this.evaluations = evaluations;
        this.readModel = readModel;
        this.engine = engine;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Runs before other listeners of the same event, so that risk sees the new credit. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onFactsChanged(EnterpriseFactsChanged changed) {
        if (changed.fact() != EnterpriseFactsChanged.Fact.HAZARDS
                && changed.fact() != EnterpriseFactsChanged.Fact.INSPECTION_RESULT) {
            return;
        }
        try {
            reassess(changed.enterpriseIds());
        } catch (RuntimeException e) {
            // the facts are committed; the nightly run catches up on what this could not do
            log.warn(
                    "Credit of enterprises {} not re-evaluated after {}: {}",
                    changed.enterpriseIds(),
                    changed.fact(),
                    e);
        }
    }

    /** Evaluates these enterprises now and stores what changed; answers the ones whose tier changed. */
    List<Long> reassess(List<Long> enterpriseIds) {
        RuleSetSnapshot rules = engine.active();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate asOf = LocalDate.ofInstant(now, clock.getZone());
        LocalDate windowStart = asOf.minusMonths(properties.windowMonths());
        LocalDate accidentsSince = asOf.minusMonths(properties.vetoLookbackMonths());
        List<CreditRecord> written = new ArrayList<>();
        List<Long> tierChanged = new ArrayList<>();
        for (long id : enterpriseIds) {
            List<CreditFactsRow> rows = mapper.factsBetween(id, id, windowStart, asOf);
            if (rows.isEmpty()) {
                continue;
            }
            CreditFactsRow row = rows.get(0);
            List<Accident> accidents = mapper.accidentsBetween(id, id, accidentsSince, asOf).stream()
                    .map(a -> new Accident(
                            a.enterpriseId(),
                            AccidentGrade.valueOf(a.grade()),
                            (int) ChronoUnit.MONTHS.between(a.occurredOn(), asOf),
                            a.deaths(),
                            a.concealed()))
                    .toList();
            CreditFacts facts = row.toFacts(asOf);
            CreditRecord after = evaluations.toRecord(CreditAssessor.assess(rules, facts, accidents, now), facts);
            if (row.previousHash() != null && row.previousHash() == after.contentHash()) {
                continue;
            }
            boolean decisionChanged = row.previousTier() == null
                    || !row.previousTier().equals(after.tier())
                    || row.previousScore().compareTo(after.score()) != 0
                    || !after.ruleSetVersion().equals(row.previousVersion())
                    || !after.vetoes().equals(row.previousVetoes());
            transactions.executeWithoutResult(status -> {
                mapper.upsertResult(after);
                if (decisionChanged) {
                    mapper.insertHistory(new HistoryRow(
                            after.enterpriseId(),
                            after.score(),
                            after.tier(),
                            row.previousTier(),
                            after.vetoes(),
                            after.ruleSetVersion(),
                            after.evaluatedAt(),
                            null));
                }
            });
            written.add(after);
            if (row.previousTier() == null || !row.previousTier().equals(after.tier())) {
                tierChanged.add(id);
            }
        }
        if (!written.isEmpty()) {
            readModel.write(written);
        }
        if (!tierChanged.isEmpty()) {
            events.publishEvent(new EnterpriseFactsChanged(tierChanged, EnterpriseFactsChanged.Fact.CREDIT));
        }
        return tierChanged;
    }
}

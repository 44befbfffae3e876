package org.safereg.credit;

import java.time.Clock;
import java.util.List;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.enterprise.DepartmentFactsImported;
import org.safereg.enterprise.EnterpriseFactsChanged;
import org.safereg.hazards.HazardsChanged;
import org.safereg.tasks.InspectionResultRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates the credit of a few enterprises at once when their facts change (a hazard recorded or
 * rectified, an inspection result), so that the next decision reflects them without waiting for the
 * nightly run. Same facts, window, rules and decisions as the full evaluation, read for these enterprises
 * together; a changed tier is recorded in the history and announced as
 * {@link CreditTiersChanged}.
 */
@Component
class CreditReassessment {

    private static final Logger log = LoggerFactory.getLogger(CreditReassessment.class);

    private final CreditPages pages;
    private final CreditResults results;
    private final RuleEngine engine;
    private final CreditProperties properties;
    private final Clock clock;

    CreditReassessment(
            CreditPages pages, CreditResults results, RuleEngine engine, CreditProperties properties, Clock clock) {
        this.pages = pages;
        this.results = results;
        this.engine = engine;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs before other listeners of the same event, so that risk sees the new credit. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(HazardsChanged changed) {
        reassessAfter(changed);
    }

    /** Runs before other listeners of the same event, so that risk sees the new credit. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(InspectionResultRecorded recorded) {
        reassessAfter(recorded);
    }

    /** An import of other departments' facts: every enterprise it changed, once, at its end. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(DepartmentFactsImported imported) {
        reassessAfter(imported);
    }

    private void reassessAfter(EnterpriseFactsChanged changed) {
        try {
            reassess(changed.enterpriseIds());
        } catch (RuntimeException e) {
            // the facts are committed; the nightly run catches up on what this could not do
            log.warn(
                    "Credit of enterprises {} not re-evaluated after {}: {}",
                    changed.enterpriseIds(),
                    changed.cause(),
                    e);
        }
    }

    /**
     * Evaluates these enterprises now, a page at a time, and stores what changed; an unchanged result keeps
     * its evaluation time.
     */
    void reassess(List<Long> enterpriseIds) {
        RuleSetSnapshot rules = engine.active();
        CreditWindow window = CreditWindow.now(clock, properties);
        CreditProgress progress = new CreditProgress(enterpriseIds.size());
        for (int from = 0; from < enterpriseIds.size(); from += pages.pageSize()) {
            CreditPage page = pages.of(
                    enterpriseIds.subList(from, Math.min(enterpriseIds.size(), from + pages.pageSize())), window);
            List<CreditResults.Evaluated> changed = results.evaluate(rules, page, window, progress).stream()
                    .filter(evaluated -> !evaluated.unchanged())
                    .toList();
            results.write(null, changed, window.now(), progress).run();
        }
        if (progress.firstError.get() != null) {
            log.warn(
                    "{} of enterprises {} keep their previous credit; first: {}",
                    progress.failed.get(),
                    enterpriseIds,
                    progress.firstError.get());
        }
    }
}

package org.safereg.hazards;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hazards that reach MySQL without going through {@link Hazards} (imported from other departments, the
 * synthetic province, rows stored before hazard-types.xlsx existed) are classified here, a page at a time, on
 * the rule set in force, and screened like any other.
 */
class HazardClassificationBackfill {

    private static final Logger log = LoggerFactory.getLogger(HazardClassificationBackfill.class);
    private static final int PAGE = 500;

    private final HazardClassifier classifier;
    private final TransactionTemplate transactions;

    HazardClassificationBackfill(HazardClassifier classifier, TransactionTemplate transactions) {
        this.classifier = classifier;
        this.transactions = transactions;
    }

    @Scheduled(
            initialDelayString = "${safereg.hazards.classification-backfill-delay:PT30S}",
            fixedDelayString = "${safereg.hazards.classification-backfill:PT5M}")
    @SchedulerLock(name = "hazard-classification-backfill", lockAtMostFor = "PT30M")
    void classifyWaiting() {
        int total = 0;
        for (int page; (page = run()) > 0; ) {
            total += page;
        }
        if (total > 0) {
            log.info("{} hazards stored without going through the API were classified", total);
        }
    }

    /** One page, in a transaction of its own; answers how many hazards it classified. */
    int run() {
        Integer done = transactions.execute(status -> classifier.classifyUnclassified(PAGE));
        return done == null ? 0 : done;
    }
}

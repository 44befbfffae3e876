package org.safereg.credit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetActivated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A newly activated rule set scores every enterprise again at once: a full evaluation on the new version,
 * started by the instance that activated it. When a full evaluation on the previous version is still
 * running (one runs at a time across instances), the new one starts as soon as it is done.
 */
@Component
class CreditOnActivation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CreditOnActivation.class);
    private static final int ATTEMPTS = 90;

    private final CreditEvaluations evaluations;
    private final RuleEngine engine;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "credit-on-activation");
        thread.setDaemon(true);
        return thread;
    });

    CreditOnActivation(CreditEvaluations evaluations, RuleEngine engine) {
        this.evaluations = evaluations;
        this.engine = engine;
    }

    @EventListener
    void on(RuleSetActivated activated) {
        retries.execute(() -> startOn(activated, 1));
    }

    private void startOn(RuleSetActivated activated, int attempt) {
        if (!activated.version().equals(engine.version().hash())) {
            return; // a later activation took over, with its own evaluation
        }
        try {
            CreditJobRecord job = evaluations.start("RULE_SET", activated.by());
            if (activated.version().equals(job.ruleSetVersion())) {
                log.info("Credit job {} evaluates every enterprise on rule set {}", job.id(), activated.version());
                return;
            }
        } catch (RuntimeException e) {
            log.warn("Could not start the credit evaluation on rule set {}: {}", activated.version(), e.toString());
        }
        if (attempt < ATTEMPTS) {
            retries.schedule(() -> startOn(activated, attempt + 1), 10, TimeUnit.SECONDS);
        } else {
            log.warn(
                    "Gave up starting the credit evaluation on rule set {}; the nightly run will do it",
                    activated.version());
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}

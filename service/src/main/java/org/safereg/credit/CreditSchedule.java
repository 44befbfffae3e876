package org.safereg.credit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.safereg.readmodel.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When credit is evaluated without anyone asking: nightly, at start-up when nothing has been
 * evaluated yet (so the embedded default answers at once), and a read-model repair after Redis was down.
 */
@Component
@Order(100)
class CreditSchedule implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CreditSchedule.class);

    private final CreditEvaluations evaluations;
    private final ReadModel<CreditRecord> readModel;
    private final CreditMapper mapper;
    private final CreditProperties properties;

    CreditSchedule(
            CreditEvaluations evaluations,
            ReadModel<CreditRecord> readModel,
            CreditMapper mapper,
            CreditProperties properties) {
        this.evaluations = evaluations;
        this.readModel = readModel;
        this.mapper = mapper;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.evaluateOnStart() && mapper.countEnterprises() > 0 && mapper.countResults() == 0) {
            CreditJobRecord job = evaluations.runNow("STARTUP", null);
            log.info("Start-up credit evaluation {}: {} enterprises, state {}", job.id(), job.processed(), job.state());
        }
    }

    @Scheduled(cron = "${safereg.credit.schedule:0 30 1 * * *}")
    @SchedulerLock(name = "credit-evaluation", lockAtMostFor = "PT2H")
    void nightly() {
        evaluations
                .runningJob()
                .ifPresentOrElse(
                        job -> log.info("Nightly credit evaluation skipped: job {} is still running", job.id()),
                        () -> evaluations.runNow("SCHEDULE", null));
    }

    /** A job whose instance died is done again, and credit ends on the version in force (DESIGN.md). */
    @Scheduled(fixedDelayString = "${safereg.jobs.sweep:PT15S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "credit-takeover", lockAtMostFor = "PT1M")
    void takeOver() {
        evaluations.takeOver();
    }

    @Scheduled(fixedDelayString = "${safereg.credit.repair-delay:PT30S}", initialDelayString = "PT30S")
    @SchedulerLock(name = "credit-read-model-repair", lockAtMostFor = "PT10M")
    void repairReadModel() {
        if (readModel.isStale()) {
            readModel.rebuild();
        }
    }
}

package org.safereg.risk;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.safereg.readmodel.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When every risk level is recomputed without anyone asking: at start-up when none has been computed yet
 * (after the start-up credit run, so that tiers are there), nightly, and a read-model repair after Redis
 * was down.
 */
@Order(200)
class RiskSchedule implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RiskSchedule.class);

    private final RiskRecompute recompute;
    private final ReadModel<RiskRecord> readModel;
    private final RiskMapper mapper;
    private final RiskProperties properties;

    RiskSchedule(
            RiskRecompute recompute, ReadModel<RiskRecord> readModel, RiskMapper mapper, RiskProperties properties) {
        this.recompute = recompute;
        this.readModel = readModel;
        this.mapper = mapper;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.evaluateOnStart() && mapper.countEnterprises() > 0 && mapper.countResults() == 0) {
            var run = recompute.recomputeAll("STARTUP");
            log.info("Start-up risk evaluation: {} enterprises in {} ms", run.processed(), run.millis());
        }
    }

    @Scheduled(cron = "${safereg.risk.schedule:0 30 2 * * *}")
    @SchedulerLock(name = "risk-evaluation", lockAtMostFor = "PT1H")
    void nightly() {
        recompute.recomputeAll("SCHEDULE");
    }

    /** A run whose instance died is done again, and risk ends on the version in force (DESIGN.md). */
    @Scheduled(fixedDelayString = "${safereg.jobs.sweep:PT15S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "risk-takeover", lockAtMostFor = "PT1M")
    void takeOver() {
        recompute.takeOver();
    }

    @Scheduled(fixedDelayString = "${safereg.risk.repair-delay:PT30S}", initialDelayString = "PT30S")
    @SchedulerLock(name = "risk-read-model-repair", lockAtMostFor = "PT10M")
    void repairReadModel() {
        if (readModel.isStale()) {
            readModel.rebuild();
        }
    }
}

package org.safereg.escalation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs escalation every period on one instance at a time (ShedLock); the unique keys make it safe anyway. */
@Component
class EscalationSchedule {

    private static final Logger log = LoggerFactory.getLogger(EscalationSchedule.class);

    private final Escalation escalation;

    EscalationSchedule(Escalation escalation) {
        this.escalation = escalation;
    }

    @Scheduled(fixedDelayString = "${safereg.escalation.period:PT1M}", initialDelayString = "PT10S")
    @SchedulerLock(name = "escalation", lockAtMostFor = "PT10M")
    void run() {
        try {
            escalation.run();
        } catch (RuntimeException e) {
            log.error("Escalation run failed; the next run tries again", e);
        }
    }
}

package org.safereg.monitoring;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes alarm transitions that MySQL refused while the point states had already moved on (see
 * {@link Alarms#record}), once MySQL takes them again; and reports how many are waiting. Waiting
 * transitions are not a failure of this instance (the alarms are decided and held), so health stays UP
 * with the count.
 */
@Component("alarmRecording")
class AlarmRecording implements HealthIndicator {

    private final Alarms alarms;
    private final PointStates states;

    AlarmRecording(Alarms alarms, PointStates states) {
        this.alarms = alarms;
        this.states = states;
    }

    @Scheduled(
            fixedDelayString = "${safereg.monitoring.repair-delay:PT10S}",
            initialDelayString = "${safereg.monitoring.repair-delay:PT10S}")
    @SchedulerLock(name = "alarm-recording-repair", lockAtMostFor = "PT10M")
    void repair() {
        if (alarms.deferred() > 0) {
            alarms.repair();
        }
    }

    /** Up even while Redis does not answer: readings are then refused with 503, the instance stays ready. */
    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("pointStates", states.kind());
        try {
            return health.withDetail("deferredTransitions", alarms.deferred()).build();
        } catch (RuntimeException e) {
            return health.withDetail(
                            "degraded",
                            "the point-state store is not answering: readings are refused with"
                                    + " 503 and Retry-After until it returns")
                    .build();
        }
    }
}

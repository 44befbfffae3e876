package org.safereg.hazards;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A hazard left unrectified past its deadline is a fact that changes by itself, at midnight: the enterprises
 * whose hazards became overdue are announced then, so that their risk level and credit follow within
 * seconds instead of waiting for the nightly full runs.
 */
class HazardDeadlines {

    private static final Logger log = LoggerFactory.getLogger(HazardDeadlines.class);
    private static final int CHUNK = 1_000;

    private final HazardMapper mapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HazardDeadlines(HazardMapper mapper, ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
    }

    /** Just after midnight: yesterday's deadlines have passed (a hazard is overdue the day after its deadline). */
    @Scheduled(cron = "${safereg.hazards.deadline-check:5 0 0 * * *}")
    @SchedulerLock(name = "hazard-deadlines", lockAtMostFor = "PT10M")
    void announceNewlyOverdue() {
        List<Long> enterprises =
                mapper.enterprisesOverdueSince(LocalDate.now(clock).minusDays(1));
        for (int from = 0; from < enterprises.size(); from += CHUNK) {
            events.publishEvent(
                    new HazardsChanged(enterprises.subList(from, Math.min(enterprises.size(), from + CHUNK))));
        }
        if (!enterprises.isEmpty()) {
            log.info("{} enterprises have hazards that became overdue today", enterprises.size());
        }
    }
}

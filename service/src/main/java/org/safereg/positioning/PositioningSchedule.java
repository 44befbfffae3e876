package org.safereg.positioning;

import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Loads who is where from MySQL at start-up when the shared presence does not have it (or at the first
 * sweep, when Redis was down at start-up), and sweeps the
 * areas with a dwell limit: a stay grows with time alone. The sweep takes a ShedLock row so that one
 * instance sweeps at a time; two sweeps at once would still be safe, the point states decide once.
 */
@Component
class PositioningSchedule implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PositioningSchedule.class);

    private final Positions positions;
    private final Presence presence;

    PositioningSchedule(Positions positions, Presence presence) {
        this.positions = positions;
        this.presence = presence;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            if (!presence.loaded()) {
                positions.recover();
            }
        } catch (DataAccessException e) {
            // the service starts without Redis; the next sweep loads the presence once Redis is back
            log.warn("Mine area presence not loaded at start-up: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${safereg.positioning.dwell-sweep:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "mine-area-dwell-sweep", lockAtMostFor = "PT10M")
    void sweepDwell() {
        List<PositionResult.AreaAlarm> changes = positions.sweepDwell();
        if (!changes.isEmpty()) {
            log.info("Dwell sweep changed {} mine area alarms", changes.size());
        }
    }
}

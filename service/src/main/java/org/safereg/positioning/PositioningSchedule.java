package org.safereg.positioning;

import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps the areas with a dwell limit: a stay grows with time alone. The sweep takes a ShedLock row so
 * that one instance sweeps at a time; two sweeps at once would still be safe, the point states decide
 * once. (Who is where is loaded from MySQL area by area wherever the shared presence lacks it.)
 */
@Component
class PositioningSchedule {

    private static final Logger log = LoggerFactory.getLogger(PositioningSchedule.class);

    private final Positions positions;

    PositioningSchedule(Positions positions) {
        this.positions = positions;
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

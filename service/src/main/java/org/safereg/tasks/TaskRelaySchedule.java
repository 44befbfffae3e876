package org.safereg.tasks;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance relays on its own schedule: SKIP LOCKED keeps relays apart, so no lock is needed and a
 * stopped instance's entries are taken by the others. This also catches up after Redis was down.
 */
@Component
class TaskRelaySchedule {

    private final TaskRelay relay;

    TaskRelaySchedule(TaskRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${safereg.tasks.relay-period:PT1S}")
    void relay() {
        relay.relayAll();
    }
}

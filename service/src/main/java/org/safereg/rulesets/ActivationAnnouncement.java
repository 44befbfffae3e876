package org.safereg.rulesets;

import org.safereg.engine.RuleSetActivated;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Who hears of a local activation: the other instances (on Redis), to install it from MySQL, and, when
 * re-evaluation is on, the features here, to decide again on the new rules.
 */
class ActivationAnnouncement {

    private final RuleSetBroadcast broadcast;
    private final ApplicationEventPublisher events;
    private final boolean reevaluate;

    ActivationAnnouncement(RuleSetBroadcast broadcast, ApplicationEventPublisher events, boolean reevaluate) {
        this.broadcast = broadcast;
        this.events = events;
        this.reevaluate = reevaluate;
    }

    void announce(String version, String actor) {
        broadcast.announce(version);
        if (reevaluate) {
            events.publishEvent(new RuleSetActivated(version, actor));
        }
    }
}

package org.safereg.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safereg.engine.RuleSetSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One escalation run: reads what may be due (unacknowledged alarms, overdue hazards, recent credit tier
 * changes), lets escalation-policy.xlsx decide whom to notify and which tasks to order, and does what has
 * not been done yet. Each notification has a step key and each task an idempotency key, both unique in
 * MySQL: a step happens once whichever instance runs, however often it runs.
 */
class Escalation {

    private static final Logger log = LoggerFactory.getLogger(Escalation.class);

    private final DueSituations situations;
    private final EscalationPolicy policy;
    private final NotificationSteps notifications;
    private final TaskOrders orders;
    private final NotificationPublishing publishing;
    private final Clock clock;

    Escalation(
            DueSituations situations,
            EscalationPolicy policy,
            NotificationSteps notifications,
            TaskOrders orders,
            NotificationPublishing publishing,
            Clock clock) {
        this.situations = situations;
        this.policy = policy;
        this.notifications = notifications;
        this.orders = orders;
        this.publishing = publishing;
        this.clock = clock;
    }

    /** What one run did. */
    record Outcome(int situations, int notified, int tasksOpened, int published) {}

    Outcome run() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<EscalationCase> cases = situations.gather(now, today);
        RuleSetSnapshot rules = policy.decide(cases);
        int notified = notifications.take(cases, rules, now);
        int opened = orders.open(cases, rules, today);
        int published = publishing.publishPending();
        if (notified + opened > 0) {
            log.info(
                    "Escalation on rule set {}: {} situations, {} notifications, {} tasks",
                    rules.version().shortHash(),
                    cases.size(),
                    notified,
                    opened);
        }
        return new Outcome(cases.size(), notified, opened, published);
    }
}

package org.safereg.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.tasks.EnforcementTasks;
import org.safereg.tasks.NewTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One escalation run: reads what may be due (unacknowledged alarms, overdue hazards, recent credit tier
 * changes), lets escalation-policy.xlsx decide whom to notify and which tasks to order, and does what has
 * not been done yet. Each notification has a step key and each task an idempotency key, both unique in
 * MySQL: a step happens once whichever instance runs, however often it runs.
 */
class Escalation {

    private static final Logger log = LoggerFactory.getLogger(Escalation.class);
    private static final int CHUNK = 1000;
    /** How far back a lost feed is published again: older notifications were read or are past use. */
    static final Duration REPUBLISH_WINDOW = Duration.ofHours(24);

    private final EscalationMapper mapper;
    private final EnforcementTasks tasks;
    private final RuleEngine engine;
    private final NotificationFeed feed;
    private final TransactionTemplate transactions;
    private final EscalationProperties properties;
    private final Clock clock;

    Escalation(
            EscalationMapper mapper,
            EnforcementTasks tasks,
            RuleEngine engine,
            NotificationFeed feed,
            TransactionTemplate transactions,
            EscalationProperties properties,
            Clock clock) {
        this.mapper = mapper;
        this.tasks = tasks;
        this.engine = engine;
        this.feed = feed;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one run did. */
    record Outcome(int situations, int notified, int tasksOpened, int published) {}

    Outcome run() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        RuleSetSnapshot rules = engine.active();
        Map<String, String> parents = new HashMap<>();
        mapper.regions().forEach(r -> parents.put(r.code(), r.parentCode()));

        List<Decided> decided = new ArrayList<>();
        decided.addAll(alarms(now));
        mapper.overdueHazards(today)
                .forEach(h -> decided.add(new Decided(
                        new HazardSituation(
                                h.hazardId(),
                                h.enterpriseId(),
                                h.grade(),
                                ChronoUnit.DAYS.between(h.deadline(), today)),
                        "hazard:" + h.hazardId(),
                        null,
                        h.hazardId(),
                        h.enterpriseName(),
                        h.regionCode(),
                        ("MAJOR".equals(h.grade()) ? "Major hazard " : "Hazard ") + h.hazardId() + " ("
                                + h.description()
                                + ") at " + h.enterpriseName() + " is " + ChronoUnit.DAYS.between(h.deadline(), today)
                                + " days past its rectification deadline " + h.deadline() + ".")));
        mapper.tierChangesSince(now.minus(properties.tierChangeLookback()))
                .forEach(c -> decided.add(new Decided(
                        new TierChange(c.historyId(), c.enterpriseId(), c.tier(), c.previousTier()),
                        "credit-history:" + c.historyId(),
                        null,
                        null,
                        c.enterpriseName(),
                        c.regionCode(),
                        "Credit tier of " + c.enterpriseName() + " fell to " + c.tier() + ".")));

        for (int from = 0; from < decided.size(); from += CHUNK) {
            List<Decided> chunk = decided.subList(from, Math.min(decided.size(), from + CHUNK));
            rules.evaluate(chunk.stream().map(Decided::situation).toList());
        }

        int notified = notify(decided, parents, rules, now);
        int opened = order(decided, rules, today);
        int published = publishPending();
        if (notified + opened > 0) {
            log.info(
                    "Escalation on rule set {}: {} situations, {} notifications, {} tasks",
                    rules.version().shortHash(),
                    decided.size(),
                    notified,
                    opened);
        }
        return new Outcome(decided.size(), notified, opened, published);
    }

    private List<Decided> alarms(Instant now) {
        List<Rows.OpenAlarm> open = mapper.openAlarms();
        Map<Long, List<Instant>> raises = new HashMap<>();
        List<Long> points =
                open.stream().map(Rows.OpenAlarm::pointId).distinct().toList();
        Instant since = now.minus(properties.repeatLookback());
        for (int from = 0; from < points.size(); from += CHUNK) {
            for (Rows.Raise raise :
                    mapper.raisesSince(points.subList(from, Math.min(points.size(), from + CHUNK)), since)) {
                raises.computeIfAbsent(raise.pointId(), p -> new ArrayList<>()).add(raise.raisedAt());
            }
        }
        List<Decided> decided = new ArrayList<>(open.size());
        for (Rows.OpenAlarm alarm : open) {
            // an alarm re-raised by a rise after its acknowledgement waits, and escalates, from the rise
            long waited =
                    Math.max(0, Duration.between(alarm.awaitingSince(), now).toMinutes());
            List<Long> ago = raises.getOrDefault(alarm.pointId(), List.of()).stream()
                    .map(at -> Math.max(0, Duration.between(at, now).toMinutes()))
                    .toList();
            decided.add(new Decided(
                    new AlarmSituation(alarm.alarmId(), alarm.enterpriseId(), alarm.level(), waited, ago),
                    alarm.acknowledgementRound() == 0
                            ? "alarm:" + alarm.alarmId()
                            : "alarm:" + alarm.alarmId() + "#" + alarm.acknowledgementRound(),
                    alarm.alarmId(),
                    null,
                    alarm.enterpriseName(),
                    alarm.regionCode(),
                    (alarm.level() == 0 ? "Early warning " : "Level-" + alarm.level() + " alarm ") + alarm.alarmId()
                            + " at " + alarm.enterpriseName() + " unacknowledged for " + waited + " min."));
        }
        return decided;
    }

    private int notify(List<Decided> decided, Map<String, String> parents, RuleSetSnapshot rules, Instant now) {
        Map<String, NewNotification> wanted = new LinkedHashMap<>();
        for (Decided d : decided) {
            for (Situation.Notice notice : d.situation().notices()) {
                String key = d.cause() + ":" + notice.recipient();
                FiredRule rule = notice.rule();
                wanted.putIfAbsent(
                        key,
                        new NewNotification(
                                key,
                                d.situation().getEnterpriseId(),
                                d.alarmId(),
                                d.hazardId(),
                                notice.recipient(),
                                regionOf(notice.recipient(), d.regionCode(), parents),
                                notice.channel() == null ? "SMS" : notice.channel(),
                                truncate(d.message()),
                                rules.version().hash(),
                                rule == null ? null : rule.name(),
                                rule == null || rule.origin() == null
                                        ? null
                                        : rule.origin().file(),
                                rule == null || rule.origin() == null
                                        ? null
                                        : rule.origin().sheet(),
                                rule == null || rule.origin() == null
                                        ? null
                                        : rule.origin().row(),
                                now.truncatedTo(ChronoUnit.MILLIS)));
            }
        }
        Set<String> done = new HashSet<>();
        List<String> keys = List.copyOf(wanted.keySet());
        for (int from = 0; from < keys.size(); from += CHUNK) {
            done.addAll(mapper.existingSteps(keys.subList(from, Math.min(keys.size(), from + CHUNK))));
        }
        int inserted = 0;
        for (NewNotification notification : wanted.values()) {
            if (done.contains(notification.stepKey())) {
                continue;
            }
            try {
                transactions.executeWithoutResult(status -> mapper.insertNotification(notification));
                inserted++;
            } catch (DuplicateKeyException e) {
                // another instance took this step at the same moment
            }
        }
        return inserted;
    }

    private int order(List<Decided> decided, RuleSetSnapshot rules, LocalDate today) {
        List<NewTask> wanted = new ArrayList<>();
        for (Decided d : decided) {
            for (Situation.Order order : d.situation().orders()) {
                FiredRule rule = order.rule();
                wanted.add(new NewTask(
                        order.type(),
                        new NewTask.Subject(d.situation().getEnterpriseId(), d.hazardId()),
                        new NewTask.Cause(reason(d.situation()), d.cause()),
                        new NewTask.Terms(
                                order.priority(),
                                today,
                                today.plusDays(order.dueDays()),
                                order.legalBasis(),
                                order.posted()),
                        new NewTask.Decision(
                                rules.version().hash(),
                                rule == null ? List.of() : List.of(rule.ordinal()),
                                NewTask.DecidingRule.of(rule))));
            }
        }
        Set<String> existing =
                tasks.existing(wanted.stream().map(NewTask::idempotencyKey).toList());
        int opened = 0;
        for (NewTask task : wanted) {
            if (existing.contains(task.idempotencyKey())) {
                continue;
            }
            Boolean made = transactions.execute(status -> tasks.open(task).isPresent());
            if (Boolean.TRUE.equals(made)) {
                opened++;
            }
        }
        return opened;
    }

    /**
     * A feed that Redis lost gets the notifications of the last {@link #REPUBLISH_WINDOW} again, in order,
     * from one instance (the one that claims it): the gateways may not have read them, and an SMS or call
     * never sent is an escalation that silently stopped. Gateways drop repeats by notification id.
     */
    private void restoreLostFeed() {
        if (!feed.claimLostFeed()) {
            return;
        }
        try {
            int again = mapper.unpublishSince(Instant.now(clock).minus(REPUBLISH_WINDOW));
            if (again > 0) {
                log.warn("The notification feed was lost; its last {} notifications are published again", again);
            }
        } catch (RuntimeException e) {
            feed.releaseClaim();
            throw e;
        }
    }

    /** Publishes the notifications not yet on the feed; answers how many. Safe on several instances. */
    int publishPending() {
        try {
            restoreLostFeed();
        } catch (RuntimeException e) {
            log.warn("A lost notification feed is not restored yet, retried on the next run: {}", e.toString());
        }
        int total = 0;
        while (true) {
            Integer published;
            try {
                published = transactions.execute(status -> {
                    List<Rows.Unpublished> rows = mapper.claimUnpublished(500);
                    if (rows.isEmpty()) {
                        return 0;
                    }
                    List<Map<String, String>> entries = new ArrayList<>(rows.size());
                    for (Rows.Unpublished n : rows) {
                        Map<String, String> entry = new LinkedHashMap<>();
                        entry.put("notificationId", String.valueOf(n.id()));
                        entry.put("step", n.stepKey());
                        entry.put("enterpriseId", String.valueOf(n.enterpriseId()));
                        if (n.alarmId() != null) {
                            entry.put("alarmId", String.valueOf(n.alarmId()));
                        }
                        if (n.hazardId() != null) {
                            entry.put("hazardId", String.valueOf(n.hazardId()));
                        }
                        entry.put("recipient", n.recipient());
                        if (n.regionCode() != null) {
                            entry.put("region", n.regionCode());
                        }
                        entry.put("channel", n.channel());
                        entry.put("message", n.message());
                        entry.put("createdAt", n.createdAt().toString());
                        entries.add(entry);
                    }
                    feed.publish(entries);
                    mapper.markPublished(
                            rows.stream().map(Rows.Unpublished::id).toList(),
                            Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
                    return rows.size();
                });
            } catch (RuntimeException e) {
                log.warn("Notifications not published, retried on the next run: {}", e.toString());
                return total;
            }
            total += published == null ? 0 : published;
            if (published == null || published < 500) {
                return total;
            }
        }
    }

    private static String reason(Situation situation) {
        if (situation instanceof HazardSituation hazard) {
            return hazard.getGrade() + "_HAZARD_OVERDUE";
        }
        if (situation instanceof TierChange change) {
            return "CREDIT_TIER_FELL_TO_" + change.getTier();
        }
        return "ALARM_UNACKNOWLEDGED";
    }

    /** The regulator's region: the enterprise's county, its city or its province. */
    private static String regionOf(String recipient, String county, Map<String, String> parents) {
        return switch (recipient) {
            case "COUNTY" -> county;
            case "CITY" -> parents.get(county);
            case "PROVINCE" -> parents.get(parents.get(county));
            default -> null;
        };
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    private record Decided(
            Situation situation,
            String cause,
            Long alarmId,
            Long hazardId,
            String enterpriseName,
            String regionCode,
            String message) {}
}

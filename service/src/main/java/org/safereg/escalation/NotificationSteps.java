package org.safereg.escalation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.engine.FiredRule;
import org.safereg.engine.Provenance;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.DecisionMeter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notices the policy made, stored as notifications: one per cause and recipient (the step key, unique in
 * MySQL), so that a step is taken once however often and on however many instances the run goes.
 */
class NotificationSteps {

    private static final int CHUNK = 1000;

    private final EscalationMapper mapper;
    private final TransactionTemplate transactions;
    private final DecisionMeter decisions;

    NotificationSteps(EscalationMapper mapper, TransactionTemplate transactions, DecisionMeter decisions) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.decisions = decisions;
    }

    /** Stores the steps not taken yet; answers how many. */
    int take(List<EscalationCase> cases, RuleSetSnapshot rules, Instant now) {
        Map<String, String> parents = new HashMap<>();
        mapper.regions().forEach(r -> parents.put(r.code(), r.parentCode()));
        Map<String, NewNotification> wanted = new LinkedHashMap<>();
        for (EscalationCase c : cases) {
            for (Situation.Notice notice : c.situation().notices()) {
                String key = c.cause() + ":" + notice.recipient();
                wanted.putIfAbsent(key, notification(key, c, notice, parents, rules, now));
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
        decisions.decided(rules.version().hash(), inserted, 0);
        return inserted;
    }

    private static NewNotification notification(
            String key,
            EscalationCase c,
            Situation.Notice notice,
            Map<String, String> parents,
            RuleSetSnapshot rules,
            Instant now) {
        FiredRule rule = notice.rule();
        return new NewNotification(
                key,
                c.situation().getEnterpriseId(),
                c.alarmId(),
                c.hazardId(),
                notice.recipient(),
                regionOf(notice.recipient(), c.regionCode(), parents),
                notice.channel() == null ? "SMS" : notice.channel(),
                truncate(c.message()),
                rules.version().hash(),
                rule == null
                        ? null
                        : Provenance.of(rules.version().hash(), rule).firedRules(),
                now.truncatedTo(ChronoUnit.MILLIS));
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
}

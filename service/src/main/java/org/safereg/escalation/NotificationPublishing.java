package org.safereg.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes stored notifications to the feed the SMS and phone gateways read, in batches claimed in MySQL so
 * that several instances never publish the same one; a feed Redis lost is filled again.
 */
class NotificationPublishing {

    private static final Logger log = LoggerFactory.getLogger(NotificationPublishing.class);
    private static final int BATCH = 500;
    /** How far back a lost feed is published again: older notifications were read or are past use. */
    static final Duration REPUBLISH_WINDOW = Duration.ofHours(24);

    private final EscalationMapper mapper;
    private final NotificationFeed feed;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NotificationPublishing(
            EscalationMapper mapper, NotificationFeed feed, TransactionTemplate transactions, Clock clock) {
        this.mapper = mapper;
        this.feed = feed;
        this.transactions = transactions;
        this.clock = clock;
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
                published = transactions.execute(status -> publishBatch());
            } catch (RuntimeException e) {
                log.warn("Notifications not published, retried on the next run: {}", e.toString());
                return total;
            }
            total += published == null ? 0 : published;
            if (published == null || published < BATCH) {
                return total;
            }
        }
    }

    /** One claimed batch onto the feed, marked published in the same transaction; answers its size. */
    private int publishBatch() {
        List<Rows.Unpublished> rows = mapper.claimUnpublished(BATCH);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Map<String, String>> entries = new ArrayList<>(rows.size());
        for (Rows.Unpublished n : rows) {
            entries.add(entry(n));
        }
        feed.publish(entries);
        mapper.markPublished(
                rows.stream().map(Rows.Unpublished::id).toList(),
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        return rows.size();
    }

    /** The feed entry's fields: flat strings, the notification id first so that gateways can drop repeats. */
    private static Map<String, String> entry(Rows.Unpublished n) {
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
        return entry;
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
}

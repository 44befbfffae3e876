package org.safereg.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The embedded default without Redis: the last 10,000 notifications in memory. */
class InProcessNotificationFeed implements NotificationFeed {

    private final List<Map<String, String>> published = new ArrayList<>();

    @Override
    public synchronized void publish(List<Map<String, String>> entries) {
        published.addAll(entries);
        if (published.size() > 10_000) {
            published.subList(0, published.size() - 10_000).clear();
        }
    }
}

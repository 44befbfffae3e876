package org.safereg.escalation;

import java.util.List;
import java.util.Map;

/** Where notifications are published for the gateways that deliver them (SMS, phone, app). */
interface NotificationFeed {

    /** Publishes the entries in order; throws when it cannot (the notifications stay unpublished). */
    void publish(List<Map<String, String>> entries);
}

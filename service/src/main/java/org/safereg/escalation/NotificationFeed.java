package org.safereg.escalation;

import java.util.List;
import java.util.Map;

/** Where notifications are published for the gateways that deliver them (SMS, phone, app). */
interface NotificationFeed {

    /** Publishes the entries in order; throws when it cannot (the notifications stay unpublished). */
    void publish(List<Map<String, String>> entries);

    /**
     * Claims the restoration of a feed that was lost with everything it held (Redis restarted without
     * persistence, failed over or evicted it): true for the one caller that must publish again what the
     * gateways may not have read. A feed kept in this process is never lost.
     */
    default boolean claimLostFeed() {
        return false;
    }

    /** Gives the claim back when the restoration failed, so that it is tried again. */
    default void releaseClaim() {}
}

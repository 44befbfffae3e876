package org.safereg.positioning;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is in which mine area since when, shared by all instances (Redis) or kept in process (embedded
 * default). Each step is checked and applied in one atomic operation of the store, so two gateways or
 * instances reporting the same area at once count every person exactly once. Each taken step also
 * gets a stamp: the service's time, but strictly later than the area's previous stamp, so that the
 * readings worked out from an area's steps are in the order the steps were taken.
 */
interface Presence {

    enum Status {
        TAKEN,
        DUPLICATE,
        ALREADY_INSIDE,
        LEAVE_WITHOUT_ENTER,
        OUT_OF_ORDER,
        /** The area's presence is not in the store (lost, or never loaded): nothing was changed. */
        NOT_LOADED
    }

    /** A card entering or leaving an area at a time (epoch milliseconds). */
    record Step(long areaId, String card, boolean enter, long at) {}

    /**
     * What a step did: the area's head count and its longest-present card's entry time (-1 when empty)
     * after it, its stamp; {@code since} is when the card entered (for a leave, or an enter refused
     * as already inside) or when it left (an enter refused as out of order).
     */
    record Outcome(Status status, int count, long oldest, long stamp, long since) {}

    /**
     * Applies the steps in order, each atomically; {@code now} is the service's clock. A step on an area that
     * is not loaded is answered {@link Status#NOT_LOADED} and changes nothing.
     */
    List<Outcome> apply(List<Step> steps, long now);

    /** The cards in an area with the time each entered (epoch milliseconds). */
    Map<String, Long> occupants(long areaId);

    /** A fresh stamp for each area, as for a step, for readings worked out without a step (the dwell sweep). */
    Map<Long, Long> stamps(Collection<Long> areaIds, long now);

    /**
     * The areas whose presence is not in the store: never loaded since it started, or lost (Redis restarted
     * without persistence, failed over or evicted the keys). Each area keeps its own mark of being loaded.
     */
    Set<Long> unloaded(Collection<Long> areaIds);

    /**
     * Loads the presence MySQL holds into each of these areas, by card, and marks them loaded, each at once
     * and only if it is still unloaded: an area another instance loaded meanwhile, and the steps taken on it
     * since, are left as they are.
     */
    void load(Collection<Long> areaIds, Map<Long, Map<String, Long>> presence);

    /** "redis" or "in-process". */
    String kind();
}

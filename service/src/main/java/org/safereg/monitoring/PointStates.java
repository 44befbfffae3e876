package org.safereg.monitoring;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current lifecycle state of every monitoring point: Redis shared by all instances, or a map in the
 * embedded default. Writes are compare-and-set on a version, so that two threads or instances working
 * on one point never both raise an alarm: the loser reads again and finds the alarm already open.
 */
interface PointStates {

    /** The state of each point with its version; a point never seen has the initial state, version 0. */
    Map<Long, Versioned> read(Collection<Long> pointIds);

    /** Writes each state whose version is still the one read; returns the points that lost the race. */
    Set<Long> commit(List<Versioned> updates);

    /** The points in alarm (level ≥ 1) on each process unit key, by point id. */
    Map<String, Map<Long, Integer>> unitsInAlarm(Collection<String> unitKeys);

    void markUnit(String unitKey, long pointId, int level);

    /**
     * Keeps transitions (as JSON) that are committed here but could not be written to MySQL, after any
     * kept before them, until {@link Alarms#repair} has written them: point states and alarm rows must not
     * part ways for good when MySQL fails between the two writes.
     */
    void defer(List<String> transitions);

    /** The oldest deferred transitions, at most {@code max}. */
    List<String> deferred(int max);

    /** Forgets the {@code count} oldest deferred transitions, once they are written. */
    void dropDeferred(int count);

    long deferredCount();

    /**
     * False when the store lost what it held since it was last restored (Redis restarted without
     * persistence, failed over or evicted the keys): its epoch key is gone. A process's own map never loses.
     */
    boolean intact();

    /** Puts back the process-unit marks rebuilt from MySQL and marks the store intact again. */
    void restore(List<UnitInAlarm> marks);

    /** "redis" or "in-process", for health. */
    String kind();

    /** A state and the version it was read at; {@link #commit} writes it as version + 1. */
    record Versioned(long pointId, long version, PointState state) {

        Versioned next(PointState state) {
            return new Versioned(pointId, version, state);
        }
    }

    static String unitKey(long enterpriseId, String processUnit) {
        return enterpriseId + ":" + processUnit;
    }
}

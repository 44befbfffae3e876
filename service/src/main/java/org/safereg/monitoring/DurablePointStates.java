package org.safereg.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.system.RedisFallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The point states as the alarm lifecycle sees them: the store's copy, made whole from MySQL wherever the
 * store has lost it. A point the store does not know starts again from its latest alarm in MySQL (episode,
 * level, acknowledgement, the side of its setpoint, when its recent alarms were raised), never from
 * scratch, so that an alarm is neither raised twice nor numbered twice and repetition is still counted; a
 * store that lost everything (its epoch is gone) gets the process units' marks back as well.
 */
final class DurablePointStates implements PointStates {

    private static final Logger log = LoggerFactory.getLogger(DurablePointStates.class);

    private final PointStates store;
    private final AlarmMapper alarms;
    private final Counter fallbacks;

    DurablePointStates(PointStates store, AlarmMapper alarms, MeterRegistry registry) {
        this.store = store;
        this.alarms = alarms;
        this.fallbacks = RedisFallbacks.counter(registry, "point-states", "lost");
    }

    @Override
    public Map<Long, Versioned> read(Collection<Long> pointIds) {
        if (!store.intact()) {
            List<UnitInAlarm> marks = alarms.unitMarks();
            store.restore(marks);
            log.warn(
                    "The {} point-state store had lost its copy; point states come back from MySQL as they are"
                            + " read, and {} process-unit marks were restored",
                    store.kind(),
                    marks.size());
        }
        Map<Long, Versioned> found = store.read(pointIds);
        List<Long> unknown = new ArrayList<>();
        found.forEach((id, versioned) -> {
            if (versioned.version() == 0) {
                unknown.add(id);
            }
        });
        if (unknown.isEmpty()) {
            return found;
        }
        List<LatestAlarm> latest = alarms.latestAlarms(unknown);
        if (latest.isEmpty()) {
            return found;
        }
        // the store had lost points that MySQL knows: this read is answered from MySQL
        fallbacks.increment();
        Map<Long, Instant> lastReadings = lastReadings(latest);
        Map<Long, List<Long>> raises = new HashMap<>();
        for (LatestAlarm.Raise raise : alarms.recentRaises(latest, PointState.RAISES)) {
            raises.computeIfAbsent(raise.pointId(), id -> new ArrayList<>())
                    .add(raise.at().toEpochMilli());
        }
        Map<Long, Versioned> whole = new HashMap<>(found);
        for (LatestAlarm alarm : latest) {
            // still version 0: the store takes it only if no other instance wrote the point meanwhile
            PointState state =
                    alarm.pointState(lastReadings.get(alarm.id()), raises.getOrDefault(alarm.pointId(), List.of()));
            whole.put(alarm.pointId(), new Versioned(alarm.pointId(), 0, state));
        }
        return whole;
    }

    /** Only spares a re-sent reading: when the events cannot be read, the point simply takes it again. */
    private Map<Long, Instant> lastReadings(List<LatestAlarm> latest) {
        Map<Long, Instant> at = new HashMap<>();
        try {
            alarms.lastReadings(latest.stream().map(LatestAlarm::id).toList())
                    .forEach(r -> at.put(r.alarmId(), r.at()));
        } catch (DataAccessException e) {
            log.warn("The last readings of {} rebuilt point states could not be read", latest.size(), e);
        }
        return at;
    }

    @Override
    public Set<Long> commit(List<Versioned> updates) {
        return store.commit(updates);
    }

    @Override
    public Map<String, Map<Long, Integer>> unitsInAlarm(Collection<String> unitKeys) {
        return store.unitsInAlarm(unitKeys);
    }

    @Override
    public void markUnit(String unitKey, long pointId, int level) {
        store.markUnit(unitKey, pointId, level);
    }

    @Override
    public void defer(List<String> transitions) {
        store.defer(transitions);
    }

    @Override
    public List<String> deferred(int max) {
        return store.deferred(max);
    }

    @Override
    public void dropDeferred(int count) {
        store.dropDeferred(count);
    }

    @Override
    public long deferredCount() {
        return store.deferredCount();
    }

    @Override
    public boolean intact() {
        return store.intact();
    }

    @Override
    public void restore(List<UnitInAlarm> marks) {
        store.restore(marks);
    }

    @Override
    public String kind() {
        return store.kind();
    }
}

package org.safereg.monitoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What Redis holds, kept in this process: the embedded default when no Redis is configured. */
final class InProcessPointStates implements PointStates {

    private final Map<Long, Versioned> states = new ConcurrentHashMap<>();
    private final Map<String, Map<Long, Integer>> units = new ConcurrentHashMap<>();
    private final List<String> deferred = new ArrayList<>();

    @Override
    public Map<Long, Versioned> read(Collection<Long> pointIds) {
        Map<Long, Versioned> found = new HashMap<>();
        for (long id : pointIds) {
            found.put(id, states.getOrDefault(id, new Versioned(id, 0, PointState.initial())));
        }
        return found;
    }

    @Override
    public Set<Long> commit(List<Versioned> updates) {
        Set<Long> lost = new HashSet<>();
        for (Versioned update : updates) {
            boolean[] won = {false};
            states.compute(update.pointId(), (id, current) -> {
                long version = current == null ? 0 : current.version();
                if (version != update.version()) {
                    return current;
                }
                won[0] = true;
                return new Versioned(id, version + 1, update.state());
            });
            if (!won[0]) {
                lost.add(update.pointId());
            }
        }
        return lost;
    }

    @Override
    public Map<String, Map<Long, Integer>> unitsInAlarm(Collection<String> unitKeys) {
        Map<String, Map<Long, Integer>> found = new HashMap<>();
        for (String key : unitKeys) {
            found.put(key, Map.copyOf(units.getOrDefault(key, Map.of())));
        }
        return found;
    }

    @Override
    public void markUnit(String unitKey, long pointId, int level) {
        Map<Long, Integer> unit = units.computeIfAbsent(unitKey, k -> new ConcurrentHashMap<>());
        if (level >= 1) {
            unit.put(pointId, level);
        } else {
            unit.remove(pointId);
        }
    }

    @Override
    public synchronized void defer(List<String> transitions) {
        deferred.addAll(transitions);
    }

    @Override
    public synchronized List<String> deferred(int max) {
        return List.copyOf(deferred.subList(0, Math.min(max, deferred.size())));
    }

    @Override
    public synchronized void dropDeferred(int count) {
        deferred.subList(0, Math.min(count, deferred.size())).clear();
    }

    @Override
    public synchronized long deferredCount() {
        return deferred.size();
    }

    @Override
    public boolean intact() {
        return true;
    }

    @Override
    public void restore(List<UnitInAlarm> marks) {
        marks.forEach(m -> markUnit(PointStates.unitKey(m.enterpriseId(), m.processUnit()), m.pointId(), m.level()));
    }

    @Override
    public String kind() {
        return "in-process";
    }
}

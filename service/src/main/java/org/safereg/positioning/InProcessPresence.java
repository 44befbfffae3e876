package org.safereg.positioning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The presence kept in this process: the embedded default when no Redis is configured. */
final class InProcessPresence implements Presence {

    private final Map<Long, Area> areas = new ConcurrentHashMap<>();

    @Override
    public List<Outcome> apply(List<Step> steps, long now) {
        List<Outcome> outcomes = new ArrayList<>(steps.size());
        for (Step step : steps) {
            Area area = area(step.areaId());
            synchronized (area) {
                outcomes.add(area.loaded ? area.apply(step, now) : Area.refused(Status.NOT_LOADED, 0));
            }
        }
        return outcomes;
    }

    @Override
    public Map<String, Long> occupants(long areaId) {
        Area area = area(areaId);
        synchronized (area) {
            return new HashMap<>(area.in);
        }
    }

    @Override
    public Map<Long, Long> stamps(Collection<Long> areaIds, long now) {
        Map<Long, Long> stamps = new HashMap<>();
        for (long id : areaIds) {
            Area area = area(id);
            synchronized (area) {
                stamps.put(id, area.stamp(now));
            }
        }
        return stamps;
    }

    @Override
    public Set<Long> unloaded(Collection<Long> areaIds) {
        Set<Long> unloaded = new HashSet<>();
        for (long id : areaIds) {
            Area area = area(id);
            synchronized (area) {
                if (!area.loaded) {
                    unloaded.add(id);
                }
            }
        }
        return unloaded;
    }

    @Override
    public void load(Collection<Long> areaIds, Map<Long, Map<String, Long>> presence) {
        for (long id : areaIds) {
            Area area = area(id);
            synchronized (area) {
                if (!area.loaded) {
                    presence.getOrDefault(id, Map.of()).forEach(area.in::putIfAbsent);
                    area.loaded = true;
                }
            }
        }
    }

    @Override
    public String kind() {
        return "in-process";
    }

    private Area area(long id) {
        return areas.computeIfAbsent(id, k -> new Area());
    }

    /** The same decisions as the Redis script, on one area's maps. */
    private static final class Area {
        private final Map<String, Long> in = new HashMap<>();
        private final Map<String, Long> out = new HashMap<>();
        private long last;
        private boolean loaded;

        Outcome apply(Step step, long now) {
            Long since = in.get(step.card());
            long mark = 0;
            if (step.enter()) {
                if (since != null) {
                    return refused(since == step.at() ? Status.DUPLICATE : Status.ALREADY_INSIDE, since);
                }
                Long left = out.get(step.card());
                if (left != null && left > step.at()) {
                    return refused(Status.OUT_OF_ORDER, left);
                }
                in.put(step.card(), step.at());
            } else {
                if (since == null) {
                    Long left = out.get(step.card());
                    return left != null && left == step.at()
                            ? refused(Status.DUPLICATE, left)
                            : refused(Status.LEAVE_WITHOUT_ENTER, 0);
                }
                if (since > step.at()) {
                    return refused(Status.OUT_OF_ORDER, since);
                }
                in.remove(step.card());
                out.put(step.card(), step.at());
                mark = since;
            }
            long oldest = in.values().stream().mapToLong(Long::longValue).min().orElse(-1);
            return new Outcome(Status.TAKEN, in.size(), oldest, stamp(now), mark);
        }

        long stamp(long now) {
            last = Math.max(now, last + 1);
            return last;
        }

        private static Outcome refused(Status status, long since) {
            return new Outcome(status, 0, -1, 0, since);
        }
    }
}

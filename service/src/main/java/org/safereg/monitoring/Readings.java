package org.safereg.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.engine.Evaluation;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.monitoring.ReadingResult.Reason;
import org.safereg.monitoring.ReadingResult.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a batch of readings: every item is judged on its own, the good ones are decided on in one rule
 * session and folded point by point, in time order, through the alarm lifecycle; the new point states
 * are committed compare-and-set, and a point that lost a race with another thread or instance is
 * worked out again from the state that won.
 */
class Readings {

    private static final Logger log = LoggerFactory.getLogger(Readings.class);
    private static final int ATTEMPTS = 8;

    private final MonitoringPoints points;
    private final PointStates states;
    private final Alarms alarms;
    private final RuleEngine engine;
    private final MonitoringProperties properties;
    private final Clock clock;
    private final MonitoringMetrics metrics;

    Readings(
            MonitoringPoints points,
            PointStates states,
            Alarms alarms,
            RuleEngine engine,
            MonitoringProperties properties,
            Clock clock,
            MonitoringMetrics metrics) {
        this.points = points;
        this.states = states;
        this.alarms = alarms;
        this.engine = engine;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    ReadingResult ingest(JsonNode items) {
        return ingest(items, System.nanoTime());
    }

    /** @param arrivedNanos when the batch arrived ({@link System#nanoTime()}), before its body was read */
    ReadingResult ingest(JsonNode items, long arrivedNanos) {
        long started = System.nanoTime();
        Instant now = Instant.now(clock);
        List<Rejection> rejected = new ArrayList<>();
        Set<String> sensors = new HashSet<>();
        for (JsonNode item : items) {
            if (item.path("sensor").isTextual()) {
                sensors.add(item.path("sensor").asText());
            }
        }
        Map<String, MonitoringPoint> known = points.byCodes(sensors);
        Map<Long, List<Reading>> byPoint = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String sensor =
                    item.path("sensor").isTextual() ? item.path("sensor").asText() : null;
            Rejection rejection = check(i, item, sensor, known.get(sensor), now);
            if (rejection != null) {
                rejected.add(rejection);
                continue;
            }
            MonitoringPoint point = known.get(sensor);
            Instant at = Instant.parse(item.path("at").asText());
            if (!seen.add(sensor + "@" + at.toEpochMilli())) {
                rejected.add(new Rejection(
                        i, sensor, Reason.DUPLICATE, "the request already has a reading of " + sensor + " at " + at));
                continue;
            }
            byPoint.computeIfAbsent(point.id(), id -> new ArrayList<>())
                    .add(new Reading(i, point, item.path("value").asDouble(), at));
        }
        byPoint.values().forEach(list -> list.sort(Comparator.comparing(Reading::at)));
        long checked = System.nanoTime();

        List<Transition> transitions = new ArrayList<>();
        int accepted = 0;
        Map<Long, List<Reading>> pending = byPoint;
        for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
            Pass pass = pass(pending);
            Map<Long, List<Reading>> retry = new LinkedHashMap<>();
            for (Map.Entry<Long, List<Reading>> group : pending.entrySet()) {
                long id = group.getKey();
                if (pass.lost().contains(id)) {
                    retry.put(id, group.getValue());
                    continue;
                }
                PointPass done = pass.points().get(id);
                rejected.addAll(done.rejected());
                transitions.addAll(done.transitions());
                accepted += group.getValue().size() - done.rejected().size();
                MonitoringPoint point = group.getValue().get(0).point();
                if (point.processUnit() != null && done.unitLevelChanged()) {
                    states.markUnit(
                            PointStates.unitKey(point.enterpriseId(), point.processUnit()), id, done.unitLevel());
                }
            }
            pending = retry;
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("readings of " + pending.size() + " points lost " + ATTEMPTS
                    + " races in a row; the batch was not fully taken");
        }
        long decided = System.nanoTime();
        metrics.recorded(alarms.record(transitions), arrivedNanos);
        if (log.isDebugEnabled()) {
            log.debug(
                    "{} readings of {} points: checks {} ms, states and rules {} ms, alarms {} ms ({} changes)",
                    items.size(),
                    byPoint.size(),
                    (checked - started) / 1_000_000,
                    (decided - checked) / 1_000_000,
                    (System.nanoTime() - decided) / 1_000_000,
                    transitions.size());
        }
        metrics.taken(accepted, rejected.size());
        rejected.sort(Comparator.comparingInt(Rejection::index));
        List<ReadingResult.AlarmChange> changes = new ArrayList<>();
        Map<Long, String> codes = new HashMap<>();
        byPoint.values()
                .forEach(list ->
                        codes.put(list.get(0).point().id(), list.get(0).point().code()));
        for (Transition t : transitions) {
            changes.add(new ReadingResult.AlarmChange(
                    codes.get(t.pointId()),
                    t.episode(),
                    t.event().name(),
                    t.level(),
                    t.colour(),
                    t.rule() == null ? null : t.rule().name()));
        }
        return new ReadingResult(items.size(), accepted, rejected, changes);
    }

    private Rejection check(int index, JsonNode item, String sensor, MonitoringPoint point, Instant now) {
        if (!item.isObject()) {
            return new Rejection(index, null, Reason.MALFORMED, "a reading must be an object");
        }
        if (sensor == null || sensor.isBlank()) {
            return new Rejection(index, null, Reason.MALFORMED, "sensor is missing");
        }
        JsonNode value = item.path("value");
        if (value.isTextual() && value.asText().matches("(?i)[+-]?(nan|inf|infinity)")) {
            return new Rejection(index, sensor, Reason.NOT_A_NUMBER, "the value is not a finite number");
        }
        if (!value.isNumber()) {
            return new Rejection(index, sensor, Reason.MALFORMED, "value must be a number");
        }
        if (Double.isNaN(value.asDouble()) || Double.isInfinite(value.asDouble())) {
            return new Rejection(index, sensor, Reason.NOT_A_NUMBER, "the value is not a finite number");
        }
        Instant at;
        try {
            at = Instant.parse(item.path("at").asText(""));
        } catch (DateTimeParseException e) {
            return new Rejection(
                    index, sensor, Reason.MALFORMED, "at must be an ISO-8601 instant such as 2026-01-01T08:00:00Z");
        }
        if (at.isAfter(now.plus(properties.maxFuture()))) {
            return new Rejection(
                    index,
                    sensor,
                    Reason.IN_THE_FUTURE,
                    "the reading is dated " + at + ", more than " + properties.maxFuture()
                            + " ahead of the service's clock");
        }
        if (at.isBefore(now.minus(properties.maxAge()))) {
            return new Rejection(
                    index,
                    sensor,
                    Reason.TOO_OLD,
                    "the reading is dated " + at + ", more than " + properties.maxAge() + " ago");
        }
        if (point == null) {
            return new Rejection(
                    index, sensor, Reason.UNKNOWN_SENSOR, "no monitoring point with code " + sensor + " is registered");
        }
        String unit = item.path("unit").asText(null);
        if (!point.unit().equals(unit)) {
            return new Rejection(
                    index,
                    sensor,
                    Reason.WRONG_UNIT,
                    sensor + " measures in " + point.unit() + ", the reading is in "
                            + (unit == null ? "no unit" : unit));
        }
        String impossible =
                Metric.valueOf(point.metric()).impossible(value.asDouble()).orElse(null);
        if (impossible != null) {
            return new Rejection(index, sensor, Reason.IMPOSSIBLE_VALUE, impossible);
        }
        return null;
    }

    /** One try at the pending points: decide all their readings, fold them, commit the states. */
    private Pass pass(Map<Long, List<Reading>> pending) {
        long started = System.nanoTime();
        Map<Long, PointStates.Versioned> current = states.read(pending.keySet());
        long read = System.nanoTime();
        RuleSetSnapshot rules = engine.active();
        List<AlarmDecision> decisions = new ArrayList<>();
        Map<Reading, AlarmDecision> decisionOf = new HashMap<>();
        Set<String> unitKeys = new HashSet<>();
        for (Map.Entry<Long, List<Reading>> group : pending.entrySet()) {
            PointState state = current.get(group.getKey()).state();
            List<Instant> raises =
                    state.raises().stream().map(Instant::ofEpochMilli).toList();
            PointState samples = state;
            for (Reading r : group.getValue()) {
                long at = r.at().toEpochMilli();
                AlarmDecision decision = new AlarmDecision(
                        r.point(),
                        r.value(),
                        r.at(),
                        samples.trendPerMinute(at, r.value()),
                        samples.trendSpanSeconds(at),
                        raises);
                decisions.add(decision);
                decisionOf.put(r, decision);
                samples = withSamples(samples, samples.withSample(at, r.value()));
            }
            MonitoringPoint point = group.getValue().get(0).point();
            if (point.processUnit() != null) {
                unitKeys.add(PointStates.unitKey(point.enterpriseId(), point.processUnit()));
            }
        }
        List<UnitInAlarm> units = new ArrayList<>();
        if (!unitKeys.isEmpty()) {
            states.unitsInAlarm(unitKeys).forEach((key, inAlarm) -> {
                int colon = key.indexOf(':');
                long enterprise = Long.parseLong(key.substring(0, colon));
                String unit = key.substring(colon + 1);
                inAlarm.forEach((pointId, level) -> units.add(new UnitInAlarm(enterprise, unit, pointId, level)));
            });
        }
        long prepared = System.nanoTime();
        Evaluation evaluation = AlarmRules.decide(rules, decisions, units);
        metrics.decided(
                evaluation.ruleSetVersion(),
                decisions.size(),
                evaluation.firedRules().size());
        long evaluated = System.nanoTime();

        Map<Long, PointPass> results = new HashMap<>();
        List<PointStates.Versioned> updates = new ArrayList<>();
        for (Map.Entry<Long, List<Reading>> group : pending.entrySet()) {
            PointStates.Versioned before = current.get(group.getKey());
            PointState state = before.state();
            List<Rejection> rejected = new ArrayList<>();
            List<Transition> transitions = new ArrayList<>();
            for (Reading r : group.getValue()) {
                long at = r.at().toEpochMilli();
                String sensor = r.point().code();
                if (at == state.lastAt() || state.hasSampleAt(at)) {
                    rejected.add(new Rejection(
                            r.index(),
                            sensor,
                            Reason.DUPLICATE,
                            "a reading of " + sensor + " at " + r.at() + " was already taken"));
                    continue;
                }
                if (at < state.lastAt()) {
                    rejected.add(new Rejection(
                            r.index(),
                            sensor,
                            Reason.OUT_OF_ORDER,
                            "a later reading of " + sensor + " (" + Instant.ofEpochMilli(state.lastAt())
                                    + ") was already taken"));
                    continue;
                }
                AlarmDecision decision = decisionOf.get(r);
                if (!decision.problems().isEmpty()) {
                    rejected.add(new Rejection(
                            r.index(), sensor, Reason.NOT_EVALUABLE, String.join("; ", decision.problems())));
                    continue;
                }
                AlarmDecision.Condition condition = decision.classify(state.conditionLevel(), state.direction());
                AlarmLifecycle.Outcome outcome = AlarmLifecycle.onReading(
                        r.point(),
                        state,
                        condition,
                        decision.repeatedBy() != null,
                        r.value(),
                        r.at(),
                        evaluation.ruleSetVersion());
                state = outcome.state();
                transitions.addAll(outcome.transitions());
            }
            int unitBefore = unitLevel(before.state());
            int unitAfter = unitLevel(state);
            results.put(group.getKey(), new PointPass(rejected, transitions, unitAfter, unitBefore != unitAfter));
            if (state != before.state()) {
                updates.add(before.next(state));
            }
        }
        long folded = System.nanoTime();
        Set<Long> lost = states.commit(updates);
        if (log.isDebugEnabled()) {
            log.debug(
                    "pass over {} points: read {} ms, prepare {} ms, rules {} ms, fold {} ms, commit {} ms",
                    pending.size(),
                    (read - started) / 1_000_000,
                    (prepared - read) / 1_000_000,
                    (evaluated - prepared) / 1_000_000,
                    (folded - evaluated) / 1_000_000,
                    (System.nanoTime() - folded) / 1_000_000);
        }
        return new Pass(results, lost);
    }

    private static int unitLevel(PointState state) {
        return state.alarmOpen() && !state.alarmNormal() ? state.alarmLevel() : AlarmDecision.NORMAL;
    }

    private static PointState withSamples(PointState s, List<double[]> samples) {
        return new PointState(
                s.episode(),
                s.alarmLevel(),
                s.alarmState(),
                s.alarmNormal(),
                s.conditionLevel(),
                s.conditionDirection(),
                s.pendingSince(),
                s.lastAt(),
                samples,
                s.raises(),
                s.alarmDirection());
    }

    private record Pass(Map<Long, PointPass> points, Set<Long> lost) {}

    private record PointPass(
            List<Rejection> rejected, List<Transition> transitions, int unitLevel, boolean unitLevelChanged) {}
}

package org.safereg.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The one door into monitoring for features that work out readings themselves (the mine areas of
 * personnel positioning): they register their points and feed values, which go through the same
 * validation, thresholds, lifecycle and alarms as a gateway's readings.
 */
public final class DerivedReadings {

    private final MonitoringPoints points;
    private final Readings readings;

    DerivedReadings(MonitoringPoints points, Readings readings) {
        this.points = points;
        this.readings = readings;
    }

    /** A point to register; the enterprise is its unified social credit code. */
    public record Point(
            String code,
            String enterprise,
            String equipmentType,
            String equipmentId,
            String equipmentName,
            String metric,
            String unit,
            BigDecimal ratedLimit) {}

    /** A worked-out value of a point at a time; times of one point must increase. */
    public record Value(String point, String unit, Instant at, double value) {}

    /** An alarm change a fed value caused: RAISED, LEVEL_CHANGED, NORMAL or CLEARED. */
    public record Change(String point, long episode, String event, int level, String colour, String rule) {}

    /** A refused value, with the readings' reason code (an OUT_OF_ORDER value was overtaken by a later one). */
    public record Refusal(String point, String reason, String message) {}

    public record Outcome(List<Change> changes, List<Refusal> refused) {}

    /** Registers a point (in the caller's transaction when there is one); a taken code is a ConflictException. */
    public void register(Point point) {
        points.register(new NewMonitoringPoint(
                point.code(),
                point.enterprise(),
                point.equipmentType(),
                point.equipmentId(),
                point.equipmentName(),
                null,
                point.metric(),
                point.unit(),
                point.ratedLimit(),
                null));
    }

    public Outcome feed(List<Value> values) {
        if (values.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode(values.size());
        for (Value v : values) {
            ObjectNode item = items.addObject();
            item.put("sensor", v.point());
            item.put("at", v.at().toString());
            item.put("value", v.value());
            item.put("unit", v.unit());
        }
        ReadingResult result = readings.ingest(items);
        return new Outcome(
                result.alarms().stream()
                        .map(a -> new Change(a.point(), a.episode(), a.event(), a.level(), a.colour(), a.rule()))
                        .toList(),
                result.rejected().stream()
                        .map(r -> new Refusal(r.sensor(), r.reason().name(), r.message()))
                        .toList());
    }
}

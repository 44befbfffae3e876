package org.safereg.monitoring;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a monitoring point measures, the units a reading of it may come in and the values that are
 * physically possible. Physics, not policy: where an alarm starts is in alarm-thresholds.xlsx.
 */
enum Metric {
    COMBUSTIBLE_GAS(List.of("%LEL"), 0, 100),
    TOXIC_GAS(List.of("mg/m3", "ppm"), 0, Double.MAX_VALUE),
    OXYGEN(List.of("%VOL"), 0, 100),
    TANK_LEVEL(List.of("m", "%"), 0, Double.MAX_VALUE),
    TANK_PRESSURE(List.of("MPa", "kPa"), -0.101325, Double.MAX_VALUE),
    TANK_TEMPERATURE(List.of("°C"), -273.15, Double.MAX_VALUE),
    CRANE_LOAD(List.of("t"), 0, Double.MAX_VALUE),
    CRANE_MOMENT(List.of("t·m", "kN·m"), 0, Double.MAX_VALUE),
    WIND_SPEED(List.of("m/s"), 0, Double.MAX_VALUE),
    CRANE_TILT(List.of("‰"), 0, 1000),
    AREA_OCCUPANCY(List.of("persons"), 0, Double.MAX_VALUE),
    RESTRICTED_AREA_ENTRY(List.of("persons"), 0, Double.MAX_VALUE),
    DWELL_TIME(List.of("min"), 0, Double.MAX_VALUE);

    private final List<String> units;
    private final double min;
    private final double max;

    Metric(List<String> units, double min, double max) {
        this.units = units;
        this.min = min;
        this.max = max;
    }

    List<String> units() {
        return units;
    }

    static Optional<Metric> named(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Why this value cannot have been measured, or empty when it can. */
    Optional<String> impossible(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Optional.of("the value is not a finite number");
        }
        if (value < min) {
            return Optional.of("%s cannot be below %s".formatted(name(), format(min)));
        }
        if (value > max) {
            return Optional.of("%s cannot be above %s".formatted(name(), format(max)));
        }
        return Optional.empty();
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

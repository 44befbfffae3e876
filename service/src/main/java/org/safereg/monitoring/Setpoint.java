package org.safereg.monitoring;

import org.safereg.engine.FiredRule;

/**
 * One alarm level of a metric on a class of equipment, as a row of alarm-thresholds.xlsx sets it, with
 * the percentages already turned into the point's unit.
 *
 * @param threshold where the level starts: at or above it for HIGH, at or below it for LOW
 * @param deadband how far back past the threshold the value must go before the level is over
 * @param debounceSeconds how long the level must persist before an alarm is raised for it
 */
record Setpoint(
        int level,
        String colour,
        Direction direction,
        double threshold,
        double deadband,
        double debounceSeconds,
        FiredRule rule) {

    enum Direction {
        HIGH,
        LOW
    }

    boolean crossedBy(double value) {
        return direction == Direction.HIGH ? value >= threshold : value <= threshold;
    }

    /** Back past the deadband: the level that was active is over. */
    boolean clearedBy(double value) {
        return direction == Direction.HIGH
                ? value < decimal(threshold - deadband)
                : value > decimal(threshold + deadband);
    }

    /**
     * Setpoints are decimals in the sheet; binary arithmetic would put 110 % of 10 persons at
     * 11.000000000000002 and let the 11th person through. Nine decimals are finer than any sensor.
     */
    static double decimal(double value) {
        return Math.round(value * 1e9) / 1e9;
    }
}

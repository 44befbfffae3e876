package org.safereg.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one monitoring point stands in the alarm lifecycle, between two readings. Immutable; the
 * lifecycle returns a new one. Times are epoch milliseconds so that the state travels as compact JSON.
 *
 * @param episode how many alarms the point has raised; the open alarm, if any, is this episode
 * @param alarmLevel the open alarm's level, {@link AlarmDecision#NORMAL} when no alarm is open
 * @param alarmState RAISED or ACKNOWLEDGED while an alarm is open
 * @param alarmNormal the value is back to normal but the alarm waits for its acknowledgement (latched)
 * @param conditionLevel the level the last reading put the point in, for the deadband of the next one
 * @param pendingSince since when the condition has been above the open alarm's level (debounce), or 0
 * @param samples the last readings, value and time, for the trend
 * @param raises when the recent alarms were raised, for the repetition rule
 * @param alarmDirection HIGH or LOW: the side of the setpoints the open alarm is about (null when unknown)
 */
record PointState(
        long episode,
        int alarmLevel,
        String alarmState,
        boolean alarmNormal,
        int conditionLevel,
        String conditionDirection,
        long pendingSince,
        long lastAt,
        List<double[]> samples,
        List<Long> raises,
        String alarmDirection) {

    static final int SAMPLES = 6;
    static final int RAISES = 10;

    static PointState initial() {
        return new PointState(
                0, AlarmDecision.NORMAL, null, false, AlarmDecision.NORMAL, null, 0, 0, List.of(), List.of(), null);
    }

    boolean alarmOpen() {
        return alarmState != null;
    }

    Setpoint.Direction direction() {
        return conditionDirection == null ? null : Setpoint.Direction.valueOf(conditionDirection);
    }

    /** Whether one of the recent readings was taken at {@code at}: a reading sent again, not a late one. */
    boolean hasSampleAt(long at) {
        for (double[] sample : samples) {
            if ((long) sample[1] == at) {
                return true;
            }
        }
        return false;
    }

    /** Least-squares slope over the recent samples and this one, per minute; 0 with fewer than three. */
    double trendPerMinute(long at, double value) {
        List<double[]> points = new ArrayList<>(samples);
        points.add(new double[] {value, at});
        if (points.size() < 3) {
            return 0;
        }
        double n = points.size();
        double t0 = points.get(0)[1];
        double sumT = 0, sumV = 0, sumTT = 0, sumTV = 0;
        for (double[] p : points) {
            double t = (p[1] - t0) / 60_000.0;
            sumT += t;
            sumV += p[0];
            sumTT += t * t;
            sumTV += t * p[0];
        }
        double denominator = n * sumTT - sumT * sumT;
        return denominator == 0 ? 0 : (n * sumTV - sumT * sumV) / denominator;
    }

    /** Seconds from the oldest recent sample to {@code at}: how much time a trend at {@code at} rests on. */
    double trendSpanSeconds(long at) {
        return samples.isEmpty() ? 0 : (at - samples.get(0)[1]) / 1000.0;
    }

    List<double[]> withSample(long at, double value) {
        List<double[]> next = new ArrayList<>(samples.size() + 1);
        next.addAll(
                samples.size() >= SAMPLES ? samples.subList(samples.size() - SAMPLES + 1, samples.size()) : samples);
        next.add(new double[] {value, at});
        return next;
    }
}

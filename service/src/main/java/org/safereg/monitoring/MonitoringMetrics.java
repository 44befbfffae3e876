package org.safereg.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.safereg.system.DecisionMeter;

/**
 * The meters of the readings path, registered once: readings taken and refused ({@code
 * safereg_readings_total{outcome}}), the alarm decisions with their rule firings, and the time from a batch's
 * arrival to each alarm it raised being in MySQL ({@code safereg_alarm_latency_seconds}, a histogram).
 */
final class MonitoringMetrics {

    private final Counter accepted;
    private final Counter rejected;
    private final Timer alarmLatency;
    private final DecisionMeter decisions;

    MonitoringMetrics(MeterRegistry registry) {
        this.accepted = readings(registry, "accepted");
        this.rejected = readings(registry, "rejected");
        this.alarmLatency = Timer.builder("safereg.alarm.latency")
                .description("From the arrival of a reading to the alarm it raised being recorded in MySQL")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        this.decisions = DecisionMeter.of(registry, "alarm");
    }

    private static Counter readings(MeterRegistry registry, String outcome) {
        return Counter.builder("safereg.readings")
                .description("Readings taken (accepted) or refused item by item (rejected)")
                .tag("outcome", outcome)
                .register(registry);
    }

    void taken(int acceptedCount, int rejectedCount) {
        accepted.increment(acceptedCount);
        rejected.increment(rejectedCount);
    }

    /** One rule session deciding {@code readings} readings. */
    void decided(String ruleSetVersion, int readings, int firedRules) {
        decisions.decided(ruleSetVersion, readings, firedRules);
    }

    /** The transitions MySQL took for a batch that arrived at {@code arrivedNanos}: each raised alarm is timed. */
    void recorded(List<Transition> recorded, long arrivedNanos) {
        long elapsed = -1;
        for (Transition t : recorded) {
            if (t.event() == Transition.Event.RAISED) {
                if (elapsed < 0) {
                    elapsed = System.nanoTime() - arrivedNanos;
                }
                alarmLatency.record(elapsed, TimeUnit.NANOSECONDS);
            }
        }
    }
}

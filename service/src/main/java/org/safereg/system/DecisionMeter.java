package org.safereg.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts one kind of decision where it is made: {@code safereg_decisions_total{kind, version}} and {@code
 * safereg_rule_firings_total{kind}}. The version tag is the rule set's 12-character prefix, so there is one
 * series per version that was ever in force on the instance, never one per enterprise, point or rule. Meters
 * are registered once per version: counting is a map lookup and an add, cheap on the readings path.
 */
public final class DecisionMeter {

    static final String DECISIONS = "safereg.decisions";
    static final String FIRINGS = "safereg.rule.firings";
    private static final int VERSION_PREFIX = 12;

    private final MeterRegistry registry;
    private final String kind;
    private final ConcurrentMap<String, Counter> byVersion = new ConcurrentHashMap<>();
    /** Registered at the first firing: the kinds whose rules fire elsewhere (notification, task) show none. */
    private volatile Counter firings;

    private DecisionMeter(MeterRegistry registry, String kind) {
        this.registry = registry;
        this.kind = kind;
    }

    /**
     * @param kind credit, risk, alarm, notification, task, plan (firings only: escalation)
     */
    public static DecisionMeter of(MeterRegistry registry, String kind) {
        return new DecisionMeter(registry, kind);
    }

    /** {@code decisions} made on {@code ruleSetVersion}, firing {@code firedRules} rules in all. */
    public void decided(String ruleSetVersion, long decisions, long firedRules) {
        if (decisions > 0) {
            Counter counter = byVersion.get(ruleSetVersion == null ? "" : ruleSetVersion);
            if (counter == null) {
                counter = byVersion.computeIfAbsent(ruleSetVersion == null ? "" : ruleSetVersion, this::register);
            }
            counter.increment(decisions);
        }
        fired(firedRules);
    }

    /** Rules fired by an evaluation whose decisions are counted elsewhere (or under other kinds). */
    public void fired(long firedRules) {
        if (firedRules > 0) {
            Counter counter = firings;
            if (counter == null) {
                // registering is idempotent: two threads racing here get the same counter
                counter = Counter.builder(FIRINGS)
                        .description("Rules fired while deciding, by the kind of decision they served")
                        .tag("kind", kind)
                        .register(registry);
                firings = counter;
            }
            counter.increment(firedRules);
        }
    }

    private Counter register(String version) {
        return Counter.builder(DECISIONS)
                .description("Decisions made, by kind and by the rule-set version (12-character prefix) that made them")
                .tag("kind", kind)
                .tag(
                        "version",
                        version.isEmpty() ? "none" : version.substring(0, Math.min(VERSION_PREFIX, version.length())))
                .register(registry);
    }
}

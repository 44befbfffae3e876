package org.safereg.monitoring;

import java.time.Instant;

/** A {@link Transition} flattened for the mapper. */
record TransitionRow(
        long pointId,
        long enterpriseId,
        long episode,
        String event,
        int level,
        String colour,
        String state,
        Double value,
        Double threshold,
        boolean repeated,
        Instant at,
        String actor,
        String ruleSetVersion,
        String ruleName,
        String ruleFile,
        String ruleSheet,
        Integer ruleRow) {

    static TransitionRow of(Transition t) {
        var rule = t.rule();
        var origin = rule == null ? null : rule.origin();
        return new TransitionRow(
                t.pointId(),
                t.enterpriseId(),
                t.episode(),
                t.event().name(),
                t.level(),
                t.colour(),
                t.state(),
                t.value(),
                t.threshold(),
                t.repeated(),
                t.at(),
                t.actor(),
                t.ruleSetVersion(),
                rule == null ? null : rule.name(),
                origin == null ? null : origin.file(),
                origin == null ? null : origin.sheet(),
                origin == null ? null : origin.row());
    }
}

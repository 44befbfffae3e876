package org.safereg.monitoring;

import java.time.Instant;
import org.safereg.engine.Provenance;

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
        /** the deciding rule as every decision stores its provenance: {@link Provenance#firedRules()} */
        String firedRules) {

    static TransitionRow of(Transition t) {
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
                t.rule() == null
                        ? null
                        : Provenance.of(t.ruleSetVersion(), t.rule()).firedRules());
    }
}

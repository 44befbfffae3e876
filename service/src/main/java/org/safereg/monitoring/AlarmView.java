package org.safereg.monitoring;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;

/** An alarm as the API shows it, with the rule that decided its current level. */
record AlarmView(
        long id,
        String point,
        String metric,
        String unit,
        String equipment,
        String enterprise,
        String region,
        int level,
        String colour,
        String state,
        BigDecimal value,
        BigDecimal threshold,
        boolean repeated,
        Instant raisedAt,
        Instant changedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant normalAt,
        Instant clearedAt,
        String ruleSetVersion,
        Rule rule,
        String lastEvent,
        ProvenanceView provenance) {

    @Schema(name = "AlarmViewRule")
    record Rule(String name, String file, String sheet, Integer row) {}

    static AlarmView of(AlarmRow a, String lastEvent, RuleCatalog rules) {
        ProvenanceView provenance = rules.explain(a.provenance());
        ProvenanceView.Rule decided = provenance.decidingRule();
        return new AlarmView(
                a.id(),
                a.pointCode(),
                a.metric(),
                a.unit(),
                a.equipmentName(),
                a.creditCode(),
                a.regionCode(),
                a.level(),
                a.colour(),
                a.state(),
                strip(a.readingValue()),
                strip(a.threshold()),
                a.repeated(),
                a.raisedAt(),
                a.changedAt(),
                a.acknowledgedBy(),
                a.acknowledgedAt(),
                a.normalAt(),
                a.clearedAt(),
                a.ruleSetVersion(),
                decided == null ? null : new Rule(decided.rule(), decided.file(), decided.sheet(), decided.row()),
                lastEvent,
                provenance);
    }

    static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}

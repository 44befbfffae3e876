package org.safereg.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;

/** One transition of an alarm as the API shows it, with the rule that decided it and its provenance. */
record AlarmEventView(
        long id,
        long alarmId,
        String event,
        int level,
        String state,
        BigDecimal readingValue,
        Instant occurredAt,
        String actor,
        String ruleSetVersion,
        String ruleName,
        String ruleFile,
        String ruleSheet,
        Integer ruleRow,
        ProvenanceView provenance) {

    static AlarmEventView of(AlarmEventRow e, RuleCatalog rules) {
        ProvenanceView provenance = rules.explain(e.provenance());
        ProvenanceView.Rule rule = provenance.decidingRule();
        return new AlarmEventView(
                e.id(),
                e.alarmId(),
                e.event(),
                e.level(),
                e.state(),
                e.readingValue(),
                e.occurredAt(),
                e.actor(),
                e.ruleSetVersion(),
                rule == null ? null : rule.rule(),
                rule == null ? null : rule.file(),
                rule == null ? null : rule.sheet(),
                rule == null ? null : rule.row(),
                provenance);
    }
}

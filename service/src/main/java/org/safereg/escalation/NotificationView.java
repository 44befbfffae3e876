package org.safereg.escalation;

import java.time.Instant;
import org.safereg.engine.Provenance;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;

/** A notification as the API shows it, with the rule that decided it and its provenance. */
record NotificationView(
        long id,
        String stepKey,
        String enterprise,
        Long alarmId,
        Long hazardId,
        String recipient,
        String regionCode,
        String channel,
        String message,
        String ruleSetVersion,
        String ruleName,
        String ruleFile,
        String ruleSheet,
        Integer ruleRow,
        Instant createdAt,
        Instant publishedAt,
        ProvenanceView provenance) {

    static NotificationView of(NotificationRow n, RuleCatalog rules) {
        ProvenanceView provenance = rules.explain(Provenance.stored(n.ruleSetVersion(), n.firedRules()));
        ProvenanceView.Rule rule = provenance.decidingRule();
        return new NotificationView(
                n.id(),
                n.stepKey(),
                n.enterprise(),
                n.alarmId(),
                n.hazardId(),
                n.recipient(),
                n.regionCode(),
                n.channel(),
                n.message(),
                n.ruleSetVersion(),
                rule == null ? null : rule.rule(),
                rule == null ? null : rule.file(),
                rule == null ? null : rule.sheet(),
                rule == null ? null : rule.row(),
                n.createdAt(),
                n.publishedAt(),
                provenance);
    }
}

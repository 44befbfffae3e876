package org.safereg.escalation;

import java.util.List;
import org.safereg.engine.RuleCatalog;

/** Reads the notifications escalation sent. */
class Notifications {

    private final EscalationMapper mapper;
    private final RuleCatalog rules;

    Notifications(EscalationMapper mapper, RuleCatalog rules) {
        this.mapper = mapper;
        this.rules = rules;
    }

    List<NotificationView> list(String enterprise, Long alarmId, Long hazardId, long after, int limit) {
        return mapper.list(enterprise, alarmId, hazardId, after, limit).stream()
                .map(n -> NotificationView.of(n, rules))
                .toList();
    }
}

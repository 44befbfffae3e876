package org.safereg.escalation;

import java.util.List;

/** Reads the notifications escalation sent. */
class Notifications {

    private final EscalationMapper mapper;

    Notifications(EscalationMapper mapper) {
        this.mapper = mapper;
    }

    List<NotificationRow> list(String enterprise, Long alarmId, Long hazardId, long after, int limit) {
        return mapper.list(enterprise, alarmId, hazardId, after, limit);
    }
}

package org.safereg.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.safereg.enterprise.EnterpriseFactsChanged;
import org.safereg.enterprise.RegionCodes;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/** Alarms in MySQL: writes the transitions the lifecycle decided, answers queries, takes acknowledgements. */
class Alarms {

    private final AlarmMapper mapper;
    private final MonitoringMapper points;
    private final PointStates states;
    private final TransactionTemplate transactions;
    private final AlarmStream stream;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Alarms(
            AlarmMapper mapper,
            MonitoringMapper points,
            PointStates states,
            TransactionTemplate transactions,
            AlarmStream stream,
            ApplicationEventPublisher events,
            Clock clock) {
        this.mapper = mapper;
        this.points = points;
        this.states = states;
        this.transactions = transactions;
        this.stream = stream;
        this.events = events;
        this.clock = clock;
    }

    /** Records transitions already committed to the point states, then tells the stream. */
    void record(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        // the point states are already committed, so MySQL must follow: a deadlock between two batches
        // (both insert alarms under the same indexes) rolls back everything and is simply tried again;
        // writing in point order makes one less likely
        List<Transition> ordered = new ArrayList<>(transitions);
        ordered.sort(Comparator.comparingLong(Transition::pointId));
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    for (Transition t : ordered) {
                        TransitionRow row = TransitionRow.of(t);
                        if (t.event() == Transition.Event.RAISED) {
                            mapper.insertAlarm(row);
                        } else {
                            mapper.updateAlarm(row);
                        }
                        mapper.insertEvent(row);
                    }
                });
                break;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        // committed: an alarm opened, changed level or closed changes the enterprise's risk level
        List<Long> changed = transitions.stream()
                .filter(t -> t.event() != Transition.Event.NORMAL && t.event() != Transition.Event.ACKNOWLEDGED)
                .map(Transition::enterpriseId)
                .distinct()
                .toList();
        if (!changed.isEmpty()) {
            events.publishEvent(new EnterpriseFactsChanged(changed, EnterpriseFactsChanged.Fact.ALARMS));
        }
        if (stream.subscribers() > 0) {
            List<AlarmView> changes = new ArrayList<>(transitions.size());
            for (Transition t : transitions) {
                AlarmRow row = mapper.findAlarmByEpisode(t.pointId(), t.episode());
                if (row != null) {
                    changes.add(AlarmView.of(row, t.event().name()));
                }
            }
            stream.publish(changes);
        }
    }

    AlarmView acknowledge(long id, Caller caller) {
        AlarmRow alarm = visible(id, caller);
        if (AlarmLifecycle.CLEARED.equals(alarm.state())) {
            throw new ConflictException("Alarm " + id + " is already cleared.");
        }
        if (AlarmLifecycle.ACKNOWLEDGED.equals(alarm.state())) {
            throw new ConflictException("Alarm " + id + " was already acknowledged by " + alarm.acknowledgedBy() + ".");
        }
        MonitoringPoint point = points.findPoint(alarm.pointId());
        for (int attempt = 0; attempt < 10; attempt++) {
            PointStates.Versioned current = states.read(List.of(point.id())).get(point.id());
            PointState state = current.state();
            if (state.episode() != alarm.episode() || !AlarmLifecycle.RAISED.equals(state.alarmState())) {
                throw new ConflictException("Alarm " + id + " is no longer waiting for an acknowledgement.");
            }
            AlarmLifecycle.Outcome outcome =
                    AlarmLifecycle.onAcknowledge(point, state, caller.subject(), Instant.now(clock));
            if (states.commit(List.of(current.next(outcome.state()))).isEmpty()) {
                if (!outcome.state().alarmOpen() && point.processUnit() != null) {
                    states.markUnit(PointStates.unitKey(point.enterpriseId(), point.processUnit()), point.id(), -1);
                }
                record(outcome.transitions());
                return AlarmView.of(
                        mapper.findAlarm(id),
                        outcome.transitions().get(0).event().name());
            }
        }
        throw new ConflictException("Alarm " + id + " is changing too fast to acknowledge; try again.");
    }

    AlarmView get(long id, Caller caller) {
        return AlarmView.of(visible(id, caller), null);
    }

    List<AlarmView> list(
            Caller caller,
            String enterprise,
            String region,
            Integer level,
            String state,
            Instant from,
            Instant to,
            Long before,
            int limit) {
        if (state != null
                && !List.of(AlarmLifecycle.RAISED, AlarmLifecycle.ACKNOWLEDGED, AlarmLifecycle.CLEARED)
                        .contains(state)) {
            throw InvalidInputException.forField("state", "must be one of RAISED, ACKNOWLEDGED, CLEARED");
        }
        if (region != null && !region.matches("\\d{6}")) {
            throw InvalidInputException.forField("region", "must be a 6-digit administrative division code");
        }
        String scope = MonitoringPoints.scope(caller, enterprise);
        return mapper.listAlarms(scope, RegionCodes.prefix(region), level, state, from, to, before, limit).stream()
                .map(a -> AlarmView.of(a, null))
                .toList();
    }

    List<AlarmEventRow> historyOf(MonitoringPoint point, int limit) {
        return mapper.eventsOfPoint(point.id(), limit);
    }

    private AlarmRow visible(long id, Caller caller) {
        AlarmRow alarm = mapper.findAlarm(id);
        if (alarm == null || !caller.mayAccessEnterprise(alarm.creditCode())) {
            throw new NotFoundException("No alarm " + id + " is known.");
        }
        if (caller.hasRole(Roles.ENTERPRISE) && caller.enterpriseId().isEmpty()) {
            throw new NotFoundException("No alarm " + id + " is known.");
        }
        return alarm;
    }
}

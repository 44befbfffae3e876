package org.safereg.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.engine.RuleCatalog;
import org.safereg.enterprise.RegionCodes;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.Inputs;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Roles;
import org.safereg.system.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/** Alarms in MySQL: writes the transitions the lifecycle decided, answers queries, takes acknowledgements. */
class Alarms {

    private static final Logger log = LoggerFactory.getLogger(Alarms.class);
    private static final int REPAIR_BATCH = 500;

    private final AlarmMapper mapper;
    private final RuleCatalog rules;
    private final MonitoringMapper points;
    private final PointStates states;
    private final TransactionTemplate transactions;
    private final AlarmBroadcast broadcast;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectMapper json;

    Alarms(
            AlarmMapper mapper,
            MonitoringMapper points,
            PointStates states,
            TransactionTemplate transactions,
            AlarmBroadcast broadcast,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectMapper json,
            RuleCatalog rules) {
        this.rules = rules;
        this.mapper = mapper;
        this.points = points;
        this.states = states;
        this.transactions = transactions;
        this.broadcast = broadcast;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Records transitions already committed to the point states, then tells the stream. MySQL must follow
     * the point states: when it cannot, the transitions are deferred in the point-state store and
     * {@link #repair} writes them later, in order, so that no alarm decided here is lost.
     *
     * @return the transitions MySQL took now (not those deferred)
     */
    List<Transition> record(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return List.of();
        }
        // writing in point order makes a deadlock between two batches (both insert under the same
        // indexes) less likely; a stable sort keeps each point's transitions in the order they happened
        List<Transition> ordered = new ArrayList<>(transitions);
        ordered.sort(Comparator.comparingLong(Transition::pointId));
        List<Transition> orphans;
        try {
            orphans = write(ordered, false);
        } catch (DataAccessException e) {
            defer(ordered, e);
            return List.of();
        }
        if (!orphans.isEmpty()) {
            // the alarm's earlier transitions are still deferred: these wait behind them
            defer(orphans, null);
        }
        List<Transition> recorded = without(transitions, orphans);
        publish(recorded);
        factsChanged(recorded);
        return recorded;
    }

    /**
     * Writes the deferred transitions, oldest first, and forgets them once written; a transition that is
     * already recorded is not recorded twice. One instance at a time (the caller holds the lock).
     *
     * @return how many were written
     */
    int repair() {
        int written = 0;
        while (true) {
            List<String> batch = states.deferred(REPAIR_BATCH);
            if (batch.isEmpty()) {
                return written;
            }
            List<Transition> transitions = new ArrayList<>(batch.size());
            for (String body : batch) {
                try {
                    transitions.add(json.readValue(body, Transition.class));
                } catch (JsonProcessingException e) {
                    log.error("Dropped a deferred alarm transition that cannot be read: {}", body, e);
                }
            }
            List<Transition> ordered = new ArrayList<>(transitions);
            ordered.sort(Comparator.comparingLong(Transition::pointId));
            List<Transition> orphans = write(ordered, true);
            for (Transition orphan : orphans) {
                log.error("Dropped a deferred alarm transition whose alarm was never recorded: {}", orphan);
            }
            states.dropDeferred(batch.size());
            log.info("Recorded {} deferred alarm transitions", transitions.size() - orphans.size());
            written += transitions.size() - orphans.size();
            List<Transition> recorded = without(transitions, orphans);
            publish(recorded);
            factsChanged(recorded);
        }
    }

    long deferred() {
        return states.deferredCount();
    }

    /** Writes the transitions in one transaction; returns those whose alarm has no row yet. */
    private List<Transition> write(List<Transition> ordered, boolean repair) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    List<Transition> orphans = new ArrayList<>();
                    for (Transition t : ordered) {
                        TransitionRow row = TransitionRow.of(t);
                        if (t.event() == Transition.Event.RAISED) {
                            mapper.insertAlarm(row, repair);
                        } else if (mapper.updateAlarm(row, repair) == 0
                                && (!repair || mapper.findAlarmByEpisode(t.pointId(), t.episode()) == null)) {
                            orphans.add(t);
                            continue;
                        }
                        mapper.insertEvent(row, repair);
                    }
                    return orphans;
                });
            } catch (PessimisticLockingFailureException e) {
                // a deadlock rolled everything back: simply try again
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void defer(List<Transition> transitions, DataAccessException cause) {
        List<String> bodies = new ArrayList<>(transitions.size());
        for (Transition t : transitions) {
            try {
                bodies.add(json.writeValueAsString(t));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            states.defer(bodies);
        } catch (RuntimeException e) {
            // both stores failed: the transitions are in this log and nowhere else
            log.error("Alarm transitions could be neither recorded nor deferred: {}", bodies, e);
            if (cause != null) {
                e.addSuppressed(cause);
            }
            throw e;
        }
        if (cause != null) {
            log.warn("MySQL did not take {} alarm transitions; deferred until it does", bodies.size(), cause);
        }
    }

    private void publish(List<Transition> transitions) {
        if (transitions.isEmpty() || !broadcast.heard()) {
            return;
        }
        Map<String, AlarmRow> rows = new HashMap<>();
        for (int from = 0; from < transitions.size(); from += REPAIR_BATCH) {
            List<Transition> slice = transitions.subList(from, Math.min(transitions.size(), from + REPAIR_BATCH));
            for (AlarmRow row : mapper.findAlarmsByEpisodes(slice)) {
                rows.put(row.pointId() + ":" + row.episode(), row);
            }
        }
        List<AlarmView> changes = new ArrayList<>(transitions.size());
        for (Transition t : transitions) {
            AlarmRow row = rows.get(t.pointId() + ":" + t.episode());
            if (row != null) {
                changes.add(AlarmView.of(row, t.event().name(), rules));
            }
        }
        broadcast.publish(changes);
    }

    /** Recorded: an alarm opened, changed level or closed changes its enterprise's risk level. */
    private void factsChanged(List<Transition> recorded) {
        List<Long> changed = recorded.stream()
                .filter(t -> t.event() != Transition.Event.NORMAL && t.event() != Transition.Event.ACKNOWLEDGED)
                .map(Transition::enterpriseId)
                .distinct()
                .toList();
        if (!changed.isEmpty()) {
            events.publishEvent(new AlarmsChanged(changed));
        }
    }

    static Text unknown(long alarmId) {
        return Text.of("alarms.unknown", "No alarm {0} is known.", alarmId);
    }

    private static List<Transition> without(List<Transition> all, List<Transition> left) {
        if (left.isEmpty()) {
            return all;
        }
        Set<Transition> skip = Collections.newSetFromMap(new IdentityHashMap<>());
        skip.addAll(left);
        return all.stream().filter(t -> !skip.contains(t)).toList();
    }

    AlarmView acknowledge(long id, Caller caller) {
        AlarmRow alarm = visible(id, caller);
        if (AlarmLifecycle.CLEARED.equals(alarm.state())) {
            throw new ConflictException(Text.of("alarms.cleared", "Alarm {0} is already cleared.", id));
        }
        if (AlarmLifecycle.ACKNOWLEDGED.equals(alarm.state())) {
            throw new ConflictException(Text.of(
                    "alarms.acknowledged", "Alarm {0} was already acknowledged by {1}.", id, alarm.acknowledgedBy()));
        }
        MonitoringPoint point = points.findPoint(alarm.pointId());
        for (int attempt = 0; attempt < 10; attempt++) {
            PointStates.Versioned current = states.read(List.of(point.id())).get(point.id());
            PointState state = current.state();
            if (state.episode() != alarm.episode() || !AlarmLifecycle.RAISED.equals(state.alarmState())) {
                throw new ConflictException(
                        Text.of("alarms.not-waiting", "Alarm {0} is no longer waiting for an acknowledgement.", id));
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
                        outcome.transitions().get(0).event().name(),
                        rules);
            }
        }
        throw new ConflictException(
                Text.of("alarms.too-fast", "Alarm {0} is changing too fast to acknowledge; try again.", id));
    }

    AlarmView get(long id, Caller caller) {
        return AlarmView.of(visible(id, caller), null, rules);
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
            throw InvalidInputException.forField("state", Inputs.oneOf("RAISED, ACKNOWLEDGED, CLEARED"));
        }
        if (region != null && !region.matches("\\d{6}")) {
            throw InvalidInputException.forField("region", Inputs.REGION_CODE);
        }
        String scope = MonitoringPoints.scope(caller, enterprise);
        return mapper.listAlarms(scope, RegionCodes.prefix(region), level, state, from, to, before, limit).stream()
                .map(a -> AlarmView.of(a, null, rules))
                .toList();
    }

    List<AlarmEventView> historyOf(MonitoringPoint point, int limit) {
        return mapper.eventsOfPoint(point.id(), limit).stream()
                .map(e -> AlarmEventView.of(e, rules))
                .toList();
    }

    private AlarmRow visible(long id, Caller caller) {
        AlarmRow alarm = mapper.findAlarm(id);
        if (alarm == null || !caller.mayAccessEnterprise(alarm.creditCode())) {
            throw new NotFoundException(unknown(id));
        }
        if (caller.hasRole(Roles.ENTERPRISE) && caller.enterpriseId().isEmpty()) {
            throw new NotFoundException(unknown(id));
        }
        return alarm;
    }
}

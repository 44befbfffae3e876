package org.safereg.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alarm state machine of one point: one alarm per episode, raised once a level has persisted for
 * its debounce, moved up and down with the level, held (latched) until a person acknowledges it, and
 * cleared when it is both acknowledged and back to normal. The thresholds, deadbands and debounce times
 * come from the rule set through {@link AlarmDecision.Condition}; this class only keeps time.
 * Early warnings are not latched: they clear on their own when the trend is gone.
 */
final class AlarmLifecycle {

    static final String RAISED = "RAISED";
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    static final String CLEARED = "CLEARED";

    private AlarmLifecycle() {}

    record Outcome(PointState state, List<Transition> transitions) {}

    static Outcome onReading(
            MonitoringPoint point,
            PointState state,
            AlarmDecision.Condition condition,
            boolean repeated,
            double value,
            Instant at,
            String ruleSetVersion) {
        long now = at.toEpochMilli();
        List<Transition> transitions = new ArrayList<>(1);
        long episode = state.episode();
        int alarmLevel = state.alarmLevel();
        String alarmState = state.alarmState();
        boolean alarmNormal = state.alarmNormal();
        long pendingSince = 0;
        List<Long> raises = state.raises();
        String alarmDirection = state.alarmDirection();

        if (alarmState != null
                && !condition.normal()
                && condition.direction() != null
                && alarmDirection != null
                && !condition.direction().name().equals(alarmDirection)) {
            // deficiency and enrichment (low and high) are different alarms: the one no longer true closes,
            // and the other is raised at once, the point having been out of normal all along
            transitions.add(new Transition(
                    point.id(),
                    point.enterpriseId(),
                    episode,
                    Transition.Event.CLEARED,
                    alarmLevel,
                    null,
                    CLEARED,
                    value,
                    null,
                    false,
                    at,
                    null,
                    ruleSetVersion,
                    null));
            alarmState = null;
        }

        boolean superseded = !transitions.isEmpty();
        if (superseded || condition.level() > alarmLevel || (!condition.normal() && alarmState == null)) {
            long since = state.pendingSince() == 0 ? now : state.pendingSince();
            if (superseded || now - since >= (long) (condition.debounceSeconds() * 1000)) {
                Transition.Event event;
                if (alarmState == null) {
                    episode++;
                    alarmState = RAISED;
                    event = Transition.Event.RAISED;
                    raises = withRaise(raises, now);
                } else {
                    event = Transition.Event.LEVEL_CHANGED;
                    // a rise is news: whoever acknowledged the lower level has not seen this one
                    alarmState = RAISED;
                }
                alarmLevel = condition.level();
                alarmNormal = false;
                if (condition.direction() != null) {
                    alarmDirection = condition.direction().name();
                }
                transitions.add(transition(
                        point, episode, event, alarmLevel, condition, alarmState, repeated, value, at, ruleSetVersion));
            } else {
                pendingSince = since;
            }
        } else if (alarmState != null && !condition.normal() && condition.level() < alarmLevel) {
            alarmLevel = condition.level();
            alarmNormal = false;
            transitions.add(transition(
                    point,
                    episode,
                    Transition.Event.LEVEL_CHANGED,
                    alarmLevel,
                    condition,
                    alarmState,
                    repeated,
                    value,
                    at,
                    ruleSetVersion));
        } else if (alarmState != null && condition.normal() && !alarmNormal) {
            boolean clears = ACKNOWLEDGED.equals(alarmState) || alarmLevel == AlarmDecision.EARLY_WARNING;
            alarmNormal = true;
            Transition.Event event = clears ? Transition.Event.CLEARED : Transition.Event.NORMAL;
            transitions.add(new Transition(
                    point.id(),
                    point.enterpriseId(),
                    episode,
                    event,
                    alarmLevel,
                    null,
                    clears ? CLEARED : alarmState,
                    value,
                    null,
                    false,
                    at,
                    null,
                    ruleSetVersion,
                    null));
            if (clears) {
                alarmState = null;
                alarmLevel = AlarmDecision.NORMAL;
                alarmNormal = false;
            }
        } else if (alarmState != null && !condition.normal() && alarmNormal) {
            // back out of normal before anyone acknowledged: the same, still latched, episode, no longer normal
            alarmNormal = false;
            alarmLevel = condition.level();
            transitions.add(transition(
                    point,
                    episode,
                    Transition.Event.RELAPSED,
                    alarmLevel,
                    condition,
                    alarmState,
                    repeated,
                    value,
                    at,
                    ruleSetVersion));
        }
        PointState next = new PointState(
                episode,
                alarmLevel,
                alarmState,
                alarmNormal,
                condition.level(),
                condition.direction() == null ? null : condition.direction().name(),
                pendingSince,
                now,
                state.withSample(now, value),
                raises,
                alarmState == null ? null : alarmDirection);
        return new Outcome(next, transitions);
    }

    /** A person acknowledges the open alarm; it clears at once if the value is already back to normal. */
    static Outcome onAcknowledge(MonitoringPoint point, PointState state, String actor, Instant at) {
        Transition.Event event = state.alarmNormal() ? Transition.Event.CLEARED : Transition.Event.ACKNOWLEDGED;
        List<Transition> transitions = List.of(new Transition(
                point.id(),
                point.enterpriseId(),
                state.episode(),
                event,
                state.alarmLevel(),
                null,
                state.alarmNormal() ? CLEARED : ACKNOWLEDGED,
                null,
                null,
                false,
                at,
                actor,
                null,
                null));
        PointState next = state.alarmNormal()
                ? new PointState(
                        state.episode(),
                        AlarmDecision.NORMAL,
                        null,
                        false,
                        state.conditionLevel(),
                        state.conditionDirection(),
                        0,
                        state.lastAt(),
                        state.samples(),
                        state.raises(),
                        state.alarmDirection())
                : new PointState(
                        state.episode(),
                        state.alarmLevel(),
                        ACKNOWLEDGED,
                        false,
                        state.conditionLevel(),
                        state.conditionDirection(),
                        state.pendingSince(),
                        state.lastAt(),
                        state.samples(),
                        state.raises(),
                        state.alarmDirection());
        return new Outcome(next, transitions);
    }

    private static Transition transition(
            MonitoringPoint point,
            long episode,
            Transition.Event event,
            int level,
            AlarmDecision.Condition condition,
            String state,
            boolean repeated,
            double value,
            Instant at,
            String ruleSetVersion) {
        return new Transition(
                point.id(),
                point.enterpriseId(),
                episode,
                event,
                level,
                condition.colour(),
                state,
                value,
                condition.threshold(),
                repeated,
                at,
                null,
                ruleSetVersion,
                condition.rule());
    }

    private static List<Long> withRaise(List<Long> raises, long at) {
        List<Long> next = new ArrayList<>(raises.size() + 1);
        next.addAll(
                raises.size() >= PointState.RAISES
                        ? raises.subList(raises.size() - PointState.RAISES + 1, raises.size())
                        : raises);
        next.add(at);
        return next;
    }
}

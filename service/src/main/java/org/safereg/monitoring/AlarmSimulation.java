package org.safereg.monitoring;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.jobs.Progress;
import org.springframework.stereotype.Component;

/**
 * The alarm side of an impact simulation: the latest reading of every monitoring point, as the point's state
 * keeps it, decided on the thresholds in force and on a candidate's, with nothing stored. A reading decides
 * alone here (no debounce or hysteresis from an earlier state), so the two versions compare like for like.
 */
@Component
public class AlarmSimulation {

    private static final int PAGE = 2_000;

    /** One point's latest reading and the level each version gives it; null is normal. */
    public record Outcome(
            long pointId,
            String point,
            String creditCode,
            String metric,
            double value,
            Integer levelBefore,
            Integer levelAfter) {

        public boolean changed() {
            return levelBefore == null ? levelAfter != null : !levelBefore.equals(levelAfter);
        }
    }

    /** A registered point that no threshold row of a version covers: its readings could never alarm. */
    @Schema(name = "AlarmSimulationUncovered")
    public record Uncovered(String point, String creditCode, String metric, String equipmentType) {}

    private final MonitoringMapper mapper;
    private final PointStates states;
    private final AlarmCoverage coverage = new AlarmCoverage();

    AlarmSimulation(MonitoringMapper mapper, PointStates states) {
        this.mapper = mapper;
        this.states = states;
    }

    /** The registered points that {@code rules} would leave without any threshold, in registration order. */
    public List<Uncovered> uncovered(RuleSetSnapshot rules) {
        return uncovered(rules, Progress.NONE);
    }

    /** As {@link #uncovered(RuleSetSnapshot)}, reporting the points looked at once a page. */
    public List<Uncovered> uncovered(RuleSetSnapshot rules, Progress progress) {
        List<Uncovered> uncovered = new ArrayList<>();
        long afterId = 0;
        while (true) {
            List<MonitoringPoint> points = mapper.listPoints(null, afterId, PAGE);
            if (points.isEmpty()) {
                return uncovered;
            }
            afterId = points.get(points.size() - 1).id();
            progress.advance(points.size());
            for (MonitoringPoint point : points) {
                if (!coverage.covers(rules, point.metric(), point.equipmentType())) {
                    uncovered.add(
                            new Uncovered(point.code(), point.creditCode(), point.metric(), point.equipmentType()));
                }
            }
        }
    }

    /** Reports the points looked at once a page. */
    public List<Outcome> simulate(RuleSetSnapshot before, RuleSetSnapshot after, Progress progress) {
        List<Outcome> outcomes = new ArrayList<>();
        long afterId = 0;
        while (true) {
            List<MonitoringPoint> points = mapper.listPoints(null, afterId, PAGE);
            if (points.isEmpty()) {
                return outcomes;
            }
            afterId = points.get(points.size() - 1).id();
            Map<Long, PointStates.Versioned> known =
                    states.read(points.stream().map(MonitoringPoint::id).toList());
            List<MonitoringPoint> read = new ArrayList<>();
            List<double[]> latest = new ArrayList<>();
            for (MonitoringPoint point : points) {
                PointStates.Versioned state = known.get(point.id());
                List<double[]> samples =
                        state == null ? List.of() : state.state().samples();
                if (!samples.isEmpty()) {
                    read.add(point);
                    latest.add(samples.get(samples.size() - 1));
                }
            }
            List<Integer> was = levels(before, read, latest);
            List<Integer> will = levels(after, read, latest);
            for (int i = 0; i < read.size(); i++) {
                MonitoringPoint point = read.get(i);
                outcomes.add(new Outcome(
                        point.id(),
                        point.code(),
                        point.creditCode(),
                        point.metric(),
                        latest.get(i)[0],
                        was.get(i),
                        will.get(i)));
            }
            progress.advance(points.size());
        }
    }

    private static List<Integer> levels(RuleSetSnapshot rules, List<MonitoringPoint> points, List<double[]> latest) {
        List<AlarmDecision> decisions = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            decisions.add(new AlarmDecision(
                    points.get(i), latest.get(i)[0], Instant.ofEpochMilli((long) latest.get(i)[1]), 0, 0, List.of()));
        }
        AlarmRules.decide(rules, decisions, List.of());
        List<Integer> levels = new ArrayList<>(decisions.size());
        for (AlarmDecision decision : decisions) {
            AlarmDecision.Condition condition = decision.classify(AlarmDecision.NORMAL, null);
            levels.add(condition.normal() ? null : condition.level());
        }
        return levels;
    }
}

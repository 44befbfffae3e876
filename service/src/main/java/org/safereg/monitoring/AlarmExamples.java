package org.safereg.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.WorkbookExamples;
import org.springframework.stereotype.Component;

/**
 * The cases of alarm-thresholds.xlsx's Examples sheet: one reading of a point of the given metric and
 * equipment class, decided as ingestion decides a reading of a point in no alarm ({@link AlarmRules}, then
 * the point's condition), so that each setpoint's edge can be written down and checked.
 */
@Component
class AlarmExamples implements WorkbookExamples {

    private static final Set<String> INPUTS =
            new LinkedHashSet<>(List.of("metric", "equipmentType", "value", "ratedLimit", "oel"));

    @Override
    public String workbook() {
        return "decision-tables/alarm-thresholds.xlsx";
    }

    @Override
    public Set<String> inputs() {
        return INPUTS;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of("level", "colour");
    }

    @Override
    public Map<String, String> run(RuleSetSnapshot rules, Map<String, String> inputs) {
        String metric = WorkbookExamples.choice(inputs, "metric", null, Set.of());
        String equipment = WorkbookExamples.choice(inputs, "equipmentType", null, Set.of());
        Double value = WorkbookExamples.number(inputs, "value");
        if (metric == null || equipment == null || value == null) {
            throw new ExampleInputException(
                    metric == null ? "metric" : equipment == null ? "equipmentType" : "value",
                    "a case needs its metric, equipmentType and value",
                    "案例需要填写 metric、equipmentType 和 value");
        }
        Double rated = WorkbookExamples.number(inputs, "ratedLimit");
        Double oel = WorkbookExamples.number(inputs, "oel");
        MonitoringPoint point = new MonitoringPoint(
                0,
                "EXAMPLE",
                0,
                "EXAMPLE",
                null,
                null,
                equipment,
                "EXAMPLE",
                "example",
                "EXAMPLE",
                metric,
                "",
                rated == null ? null : BigDecimal.valueOf(rated),
                oel == null ? null : BigDecimal.valueOf(oel),
                Instant.EPOCH);
        AlarmDecision decision = new AlarmDecision(point, value, Instant.EPOCH, 0, 0, List.of());
        AlarmRules.decide(rules, List.of(decision), List.of());
        if (!decision.problems().isEmpty()) {
            throw new IllegalStateException(String.join("; ", decision.problems()));
        }
        AlarmDecision.Condition condition = decision.classify(AlarmDecision.NORMAL, null);
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put("level", condition.normal() ? "NORMAL" : String.valueOf(condition.level()));
        outcome.put("colour", condition.normal() ? "NONE" : condition.colour());
        return outcome;
    }
}

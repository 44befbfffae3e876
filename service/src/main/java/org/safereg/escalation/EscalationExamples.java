package org.safereg.escalation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.WorkbookExamples;
import org.springframework.stereotype.Component;

/**
 * The cases of escalation-policy.xlsx's Examples sheet: an unacknowledged alarm, an overdue hazard, a platform
 * screening flag or a change of credit tier, and whom the table notifies through which channel and which tasks it orders, decided on the
 * same situation facts the escalation run decides. Notices are written {@code RECIPIENT/CHANNEL} and orders
 * {@code TYPE P<priority> <days>d <legal basis>[ posted]}, each list sorted and comma-separated, NONE when empty.
 */
@Component
class EscalationExamples implements WorkbookExamples {

    private static final Set<String> SITUATIONS = Set.of("ALARM", "HAZARD", "SCREENING", "TIER");
    private static final Set<String> GRADES = Set.of("GENERAL", "MAJOR");
    private static final Set<String> TIERS = Set.of("A", "B", "C", "D");

    @Override
    public String workbook() {
        return "decision-tables/escalation-policy.xlsx";
    }

    @Override
    public Set<String> inputs() {
        return new LinkedHashSet<>(List.of(
                "situation",
                "alarmLevel",
                "minutesUnacknowledged",
                "hazardGrade",
                "daysOverdue",
                "tier",
                "previousTier",
                "hoursWaiting"));
    }

    @Override
    public Set<String> outcomes() {
        return new LinkedHashSet<>(List.of("notify", "order"));
    }

    @Override
    public Map<String, String> run(RuleSetSnapshot rules, Map<String, String> inputs) {
        String kind = WorkbookExamples.choice(inputs, "situation", null, SITUATIONS);
        if (kind == null) {
            throw new ExampleInputException(
                    "situation",
                    "situation must be ALARM, HAZARD, SCREENING or TIER",
                    "situation 应为 ALARM、HAZARD、SCREENING 或 TIER");
        }
        Situation situation =
                switch (kind) {
                    case "ALARM" ->
                        new AlarmSituation(
                                0,
                                0,
                                WorkbookExamples.count(inputs, "alarmLevel"),
                                WorkbookExamples.count(inputs, "minutesUnacknowledged"),
                                List.of());
                    case "HAZARD" ->
                        new HazardSituation(
                                0,
                                0,
                                WorkbookExamples.choice(inputs, "hazardGrade", "GENERAL", GRADES),
                                WorkbookExamples.count(inputs, "daysOverdue"));
                    case "SCREENING" ->
                        new ScreeningFlag(0, 0, "HC-12", WorkbookExamples.count(inputs, "hoursWaiting"));
                    default ->
                        new TierChange(
                                0,
                                0,
                                WorkbookExamples.choice(inputs, "tier", null, TIERS),
                                WorkbookExamples.choice(inputs, "previousTier", null, TIERS));
                };
        rules.evaluate(List.of(situation));
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put(
                "notify",
                listed(situation.notices().stream()
                        .map(n -> n.recipient() + "/" + n.channel())
                        .toList()));
        outcome.put(
                "order",
                listed(situation.orders().stream()
                        .map(o -> o.type() + " P" + o.priority() + " " + o.dueDays() + "d"
                                + (o.legalBasis() == null ? "" : " " + o.legalBasis()) + (o.posted() ? " posted" : ""))
                        .toList()));
        return outcome;
    }

    private static String listed(List<String> made) {
        return made.isEmpty() ? "NONE" : made.stream().sorted().collect(Collectors.joining(", "));
    }
}

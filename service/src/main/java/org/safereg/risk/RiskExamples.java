package org.safereg.risk;

import java.time.Clock;
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
 * The cases of risk-level.xlsx's Examples sheet, decided exactly as an enterprise's risk level is: the
 * inputs become {@link RiskFacts} (what a result shows as its inputs) and the colour comes from
 * {@link RiskAssessor}.
 */
@Component
class RiskExamples implements WorkbookExamples {

    private static final Set<String> SECTORS =
            Set.of("COAL_MINE", "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "METAL_SMELTING", "CONSTRUCTION", "OTHER");
    private static final Set<String> TIERS = Set.of("A", "B", "C", "D");
    private static final Set<String> INPUTS = new LinkedHashSet<>(List.of(
            "sector",
            "majorHazardSourceLevel",
            "creditTier",
            "openEarlyWarnings",
            "openLevel1Alarms",
            "openLevel2Alarms",
            "openCutOffAlarms",
            "overdueMajorHazards",
            "overdueGeneralHazards"));

    private final Clock clock;

    RiskExamples(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String workbook() {
        return "decision-tables/risk-level.xlsx";
    }

    @Override
    public Set<String> inputs() {
        return INPUTS;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of("level");
    }

    @Override
    public Map<String, String> run(RuleSetSnapshot rules, Map<String, String> inputs) {
        int source = WorkbookExamples.count(inputs, "majorHazardSourceLevel");
        if (source > 4) {
            throw new WorkbookExamples.ExampleInputException(
                    "majorHazardSourceLevel",
                    "majorHazardSourceLevel must be 1 to 4, or blank for none, not " + source,
                    "majorHazardSourceLevel 应为 1 至 4，无重大危险源时留空，而不是 " + source);
        }
        String tier = WorkbookExamples.choice(inputs, "creditTier", null, TIERS);
        RiskFacts facts = new RiskFacts(
                0,
                "EXAMPLE",
                WorkbookExamples.choice(inputs, "sector", "HAZARDOUS_CHEMICALS", SECTORS),
                source == 0 ? null : source,
                tier,
                WorkbookExamples.count(inputs, "openEarlyWarnings"),
                WorkbookExamples.count(inputs, "openLevel1Alarms"),
                WorkbookExamples.count(inputs, "openLevel2Alarms"),
                WorkbookExamples.count(inputs, "openCutOffAlarms"),
                WorkbookExamples.count(inputs, "overdueMajorHazards"),
                WorkbookExamples.count(inputs, "overdueGeneralHazards"));
        RiskAssessment assessment = RiskAssessor.assess(rules, facts, Instant.now(clock));
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put("level", assessment.level().name());
        return outcome;
    }
}

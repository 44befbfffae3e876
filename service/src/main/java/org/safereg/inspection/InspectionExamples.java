package org.safereg.inspection;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.WorkbookExamples;
import org.springframework.stereotype.Component;

/**
 * The cases of inspection-frequency.xlsx's Examples sheet: an enterprise of a given sector, credit tier,
 * standardisation grade and risk level, and what the tables plan for it, decided as a plan decides it
 * ({@link InspectionPolicy}).
 */
@Component
class InspectionExamples implements WorkbookExamples {

    private static final Set<String> SECTORS =
            Set.of("COAL_MINE", "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "METAL_SMELTING", "CONSTRUCTION", "OTHER");
    private static final Set<String> TIERS = Set.of("A", "B", "C", "D", "UNRATED");
    private static final Set<String> GRADES = Set.of("1", "2", "3", "UNGRADED");
    private static final Set<String> LEVELS = Set.of("RED", "ORANGE", "YELLOW", "BLUE", "NOT_ASSESSED");

    @Override
    public String workbook() {
        return "decision-tables/inspection-frequency.xlsx";
    }

    @Override
    public Set<String> inputs() {
        return new LinkedHashSet<>(List.of("sector", "creditTier", "grade", "riskLevel"));
    }

    @Override
    public Set<String> outcomes() {
        return new LinkedHashSet<>(
                List.of("supervision", "maxPerYear", "minPerYear", "samplingRatio", "minIntervalDays"));
    }

    @Override
    public Map<String, String> run(RuleSetSnapshot rules, Map<String, String> inputs) {
        EnterpriseClass of = new EnterpriseClass(
                WorkbookExamples.choice(inputs, "sector", "OTHER", SECTORS),
                WorkbookExamples.choice(inputs, "creditTier", "UNRATED", TIERS),
                WorkbookExamples.choice(inputs, "grade", "UNGRADED", GRADES),
                WorkbookExamples.choice(inputs, "riskLevel", "NOT_ASSESSED", LEVELS));
        Frequency frequency = InspectionPolicy.evaluate(rules, List.of(of)).of(of);
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put("supervision", frequency.keySupervision() ? "KEY" : "RANDOM");
        outcome.put("maxPerYear", String.valueOf(frequency.maxPerYear()));
        outcome.put("minPerYear", String.valueOf(frequency.minPerYear()));
        outcome.put(
                "samplingRatio",
                BigDecimal.valueOf(frequency.samplingRatio())
                        .stripTrailingZeros()
                        .toPlainString());
        outcome.put("minIntervalDays", String.valueOf(frequency.minIntervalDays()));
        return outcome;
    }
}

package org.safereg.credit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.WorkbookExamples;
import org.springframework.stereotype.Component;

/**
 * The cases of credit-scoring.xlsx's Examples sheet, decided exactly as the credit evaluation decides an
 * enterprise: the counts a case gives become {@link CreditFacts} (what an enterprise's result shows as its
 * measures), the accidents become veto facts, and the score and tier come from {@link CreditAssessor}.
 */
@Component
class CreditExamples implements WorkbookExamples {

    private static final Set<String> LICENCES = Set.of("VALID", "SUSPENDED", "REVOKED", "NONE", "NOT_REQUIRED");
    private static final Set<String> SECTORS =
            Set.of("COAL_MINE", "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "METAL_SMELTING", "CONSTRUCTION", "OTHER");
    private static final Set<String> INPUTS = new LinkedHashSet<>(List.of(
            "sector",
            "licenceStatus",
            "majorHazardsDue",
            "majorHazardsRectifiedOnTime",
            "violations",
            "art114MultipleFines",
            "employeesRequiringTraining",
            "employeesTrained",
            "drillsPlanned",
            "drillsCompleted",
            "seriousAccidentsWithin36Months",
            "largerAccidentsWithin12Months",
            "concealedAccidents"));

    private final Clock clock;

    CreditExamples(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String workbook() {
        return "decision-tables/credit-scoring.xlsx";
    }

    @Override
    public Set<String> inputs() {
        return INPUTS;
    }

    @Override
    public Set<String> outcomes() {
        return Set.of("score", "tier", "scoreTier");
    }

    @Override
    public Map<String, String> run(RuleSetSnapshot rules, Map<String, String> inputs) {
        CreditFacts facts = new CreditFacts(
                0,
                "EXAMPLE",
                WorkbookExamples.choice(inputs, "sector", "HAZARDOUS_CHEMICALS", SECTORS),
                WorkbookExamples.choice(inputs, "licenceStatus", "VALID", LICENCES),
                LocalDate.now(clock),
                WorkbookExamples.count(inputs, "majorHazardsDue"),
                WorkbookExamples.count(inputs, "majorHazardsRectifiedOnTime"),
                WorkbookExamples.count(inputs, "violations"),
                WorkbookExamples.count(inputs, "art114MultipleFines"),
                WorkbookExamples.count(inputs, "employeesRequiringTraining"),
                WorkbookExamples.count(inputs, "employeesTrained"),
                WorkbookExamples.count(inputs, "drillsPlanned"),
                WorkbookExamples.count(inputs, "drillsCompleted"));
        List<Accident> accidents = new ArrayList<>();
        for (int i = 0; i < WorkbookExamples.count(inputs, "seriousAccidentsWithin36Months"); i++) {
            accidents.add(new Accident(0, AccidentGrade.SERIOUS, 12, 10, false));
        }
        for (int i = 0; i < WorkbookExamples.count(inputs, "largerAccidentsWithin12Months"); i++) {
            accidents.add(new Accident(0, AccidentGrade.LARGER, 6, 3, false));
        }
        for (int i = 0; i < WorkbookExamples.count(inputs, "concealedAccidents"); i++) {
            accidents.add(new Accident(0, AccidentGrade.GENERAL, 6, 0, true));
        }
        CreditAssessment assessment = CreditAssessor.assess(rules, facts, accidents, Instant.now(clock));
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put(
                "score",
                BigDecimal.valueOf(assessment.score()).stripTrailingZeros().toPlainString());
        outcome.put("tier", assessment.tier());
        outcome.put("scoreTier", assessment.scoreTier());
        return outcome;
    }
}

package org.safereg.hazards;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.WorkbookExamples;
import org.springframework.stereotype.Component;

/**
 * The cases of hazard-types.xlsx's Examples sheet: a description and its enterprise's sector, and the types, the
 * suggested grade and the criteria the table gives it, classified exactly as a stored hazard is. Types and
 * criteria are written sorted and comma-separated, NONE when there are none.
 */
@Component
class HazardTypeExamples implements WorkbookExamples {

    static final Set<String> SECTORS =
            Set.of("COAL_MINE", "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "METAL_SMELTING", "CONSTRUCTION", "OTHER");

    @Override
    public String workbook() {
        return "decision-tables/hazard-types.xlsx";
    }

    @Override
    public Set<String> inputs() {
        return new LinkedHashSet<>(List.of("description", "sector"));
    }

    @Override
    public Set<String> outcomes() {
        return new LinkedHashSet<>(List.of("types", "grade", "criteria"));
    }

    @Override
    public Map<String, String> run(RuleSetSnapshot rules, Map<String, String> inputs) {
        String description = inputs.get("description");
        if (description == null || description.isBlank()) {
            throw new ExampleInputException("description", "description must not be blank", "description 不能为空");
        }
        String sector = WorkbookExamples.choice(inputs, "sector", "OTHER", SECTORS);
        HazardClassification classification = HazardTypes.classify(rules, description, sector);
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put("types", listed(classification.types()));
        outcome.put("grade", classification.suggestedGrade());
        outcome.put(
                "criteria",
                listed(classification.matches().stream()
                        .map(HazardDescription.Match::criterion)
                        .filter(Objects::nonNull)
                        .toList()));
        return outcome;
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "NONE" : items.stream().distinct().sorted().collect(Collectors.joining(", "));
    }
}

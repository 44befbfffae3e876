package org.safereg.hazards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.FiredRule;
import org.safereg.engine.Provenance;
import org.safereg.engine.RuleSetSnapshot;

/**
 * Classifies hazard descriptions into hazard types with hazard-types.xlsx on a given rule set: segmentation
 * makes the description's words and clauses, the table's rows match phrases and negations, and each type
 * keeps the words that matched and the row that said so.
 */
final class HazardTypes {

    private HazardTypes() {}

    static HazardClassification classify(RuleSetSnapshot rules, String text, String sector) {
        return classifyAll(rules, List.of(new Described(text, sector))).get(0);
    }

    /** Several descriptions in one evaluation, answered in the order given. */
    static List<HazardClassification> classifyAll(RuleSetSnapshot rules, List<Described> descriptions) {
        List<HazardDescription> facts = new ArrayList<>(descriptions.size());
        for (Described d : descriptions) {
            facts.add(Segmentation.describe(d.text(), d.sector()));
        }
        rules.evaluate(facts);
        String version = rules.version().hash();
        List<HazardClassification> out = new ArrayList<>(facts.size());
        for (HazardDescription fact : facts) {
            HazardDescription.Outcome outcome = fact.outcome();
            // one match per type: the first row that matched names the words
            Map<String, HazardDescription.Match> byType = new LinkedHashMap<>();
            for (HazardDescription.Match m : outcome.matches()) {
                HazardDescription.Match known = byType.get(m.type());
                if (known == null || (known.criterion() == null && m.criterion() != null)) {
                    byType.put(m.type(), m);
                }
            }
            List<HazardDescription.Match> matches = List.copyOf(byType.values());
            String grade = matches.stream().anyMatch(m -> "MAJOR".equals(m.grade())) ? "MAJOR" : "GENERAL";
            List<FiredRule> rulesUsed = outcome.rules();
            out.add(new HazardClassification(matches, grade, Provenance.of(version, rulesUsed)));
        }
        return out;
    }

    /** A description to classify, with its enterprise's sector. */
    record Described(String text, String sector) {}
}

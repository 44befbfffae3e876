package org.safereg.hazards;

import java.util.List;
import org.safereg.engine.Provenance;

/**
 * What hazard-types.xlsx made of a description: its types with the words that matched, the grade the table
 * suggests (MAJOR when a matched row says so) and the provenance (version and the rows that decided).
 */
record HazardClassification(List<HazardDescription.Match> matches, String suggestedGrade, Provenance provenance) {

    /** The first match that encodes an item of a major-hazard determination standard, or null. */
    HazardDescription.Match majorCriterion() {
        return matches.stream()
                .filter(m -> m.criterion() != null && "MAJOR".equals(m.grade()))
                .findFirst()
                .orElse(null);
    }

    List<String> types() {
        return matches.stream().map(HazardDescription.Match::type).distinct().toList();
    }
}

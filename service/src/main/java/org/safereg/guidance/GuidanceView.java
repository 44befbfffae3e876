package org.safereg.guidance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.safereg.engine.ProvenanceView;

/** What an enterprise reads on its own page: why its tier and level are what they are, and what would lift them. */
record GuidanceView(
        String creditCode,
        String name,
        String regionName,
        @Schema(description = "the whole explanation in plain Chinese sentences, in reading order")
                List<String> summary,
        Credit credit,
        Risk risk) {

    @Schema(name = "GuidanceCredit")
    record Credit(
            @Schema(description = "the tier the rules in force give today's facts", example = "B") String tier,
            double score,
            String scoreTier,
            String ruleSetVersion,
            LocalDate asOf,
            List<Indicator> indicators,
            List<String> vetoes,
            @Schema(description = "the indicator that costs the most points, or null") String costliest,
            @Schema(description = "the smallest sets of fact changes that lift the tier, decided by the rules in force")
                    List<Improvement> improvements,
            @Schema(description = "whether any change of the enterprise's facts can lift the tier") boolean liftable,
            @Schema(description = "when a veto over past accidents stops holding the tier down, if it ever does")
                    LocalDate vetoLapsesOn,
            @Schema(description = "how many times the rules were asked") int evaluations,
            ProvenanceView provenance) {}

    @Schema(name = "GuidanceIndicator")
    record Indicator(
            String indicator,
            String name,
            Double value,
            Double points,
            Double weightPercent,
            @Schema(description = "points its best value would add to the score") double gainAtBest,
            ProvenanceView.Rule rule,
            String sentence) {}

    @Schema(name = "GuidanceImprovement")
    record Improvement(List<Change> changes, double score, String tier, String sentence) {}

    @Schema(name = "GuidanceChange")
    record Change(
            @Schema(example = "DRILL_COMPLETION") String indicator,
            @Schema(description = "the fact changed", example = "drillsCompleted") String fact,
            @Schema(description = "today, as a count of a total (1/2) or a status", example = "1/2") String before,
            @Schema(example = "2/2") String after,
            String sentence) {}

    @Schema(name = "GuidanceRisk")
    record Risk(String level, String name, List<String> sentences, ProvenanceView provenance) {}
}

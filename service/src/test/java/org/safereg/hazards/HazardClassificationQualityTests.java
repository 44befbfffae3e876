package org.safereg.hazards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetSources;

/**
 * The shipped hazard-types.xlsx against the labelled descriptions: overall precision and recall, computed here,
 * must not fall below the floors measured when the set was written (see docs/hazards.md). A rule edit that
 * loses more than a little of either fails this test and says which descriptions it now gets wrong.
 */
class HazardClassificationQualityTests {

    /** Measured 2026-12: see docs/hazards.md#how-well-it-classifies; floors a few points under. */
    private static final double PRECISION_FLOOR = 0.93;

    private static final double RECALL_FLOOR = 0.84;

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static RuleSetSnapshot rules;

    @BeforeAll
    static void compileTheShippedRuleSet() {
        rules = new RuleEngine(Clock.systemUTC()).compile(RuleSetSources.load(REPOSITORY));
    }

    @Test
    void theLabelledSetSpansEverySectorWithAtLeastThreeHundredDescriptions() {
        List<LabelledDescriptions.Labelled> set = LabelledDescriptions.shipped();
        assertThat(set).hasSizeGreaterThanOrEqualTo(300);
        assertThat(set.stream().map(LabelledDescriptions.Labelled::sector).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(HazardTypeExamples.SECTORS);
        assertThat(set.stream().map(LabelledDescriptions.Labelled::id).distinct())
                .hasSameSizeAs(set);
        // descriptions that state no hazard (negations, compliant findings) are part of the measure
        assertThat(set.stream().filter(l -> l.expected().isEmpty())).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void overallPrecisionAndRecallStayAboveTheirFloors() {
        LabelledDescriptions.Measurement measured = LabelledDescriptions.measure(rules, LabelledDescriptions.shipped());
        assertThat(measured.overall().precision()).as(measured.report()).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(measured.overall().recall()).as(measured.report()).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    @Test
    void everyLabelledTypeIsATypeTheTableClassifiesInto() {
        String drl = rules.generatedDrl().entrySet().stream()
                .filter(e -> e.getKey().contains("hazard-types"))
                .map(java.util.Map.Entry::getValue)
                .collect(Collectors.joining("\n"));
        Set<String> labelled = LabelledDescriptions.shipped().stream()
                .flatMap(l -> l.expected().stream())
                .collect(Collectors.toSet());
        assertThat(labelled).isNotEmpty().allSatisfy(type -> assertThat(drl).contains("d.classify(\"" + type + "\""));
    }
}

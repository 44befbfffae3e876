package org.safereg.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetSources;
import org.safereg.support.ShippedWorkbook;

/** The shipped inspection frequencies, read as a policy officer reads decision-tables/inspection-frequency.xlsx. */
class InspectionFrequencyRulesTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String WORKBOOK = "decision-tables/inspection-frequency.xlsx";
    private static final String SHEET = "Inspection frequency";
    private static RuleSetSnapshot rules;

    @BeforeAll
    static void compileTheShippedRuleSet() {
        rules = new RuleEngine(Clock.systemUTC()).compile(RuleSetSources.load(REPOSITORY));
    }

    @ParameterizedTest(
            name = "{0}, tier {1}, grade {2}, risk {3}: {4}, max {5}/year, min {6}/year, ratio {7}, interval {8} days")
    @CsvSource(
            textBlock =
                    """
            COAL_MINE,           A,       UNGRADED, BLUE,         RANDOM, 2,  0,  0.15, 120
            COAL_MINE,           B,       UNGRADED, YELLOW,       RANDOM, 4,  0,  0.3,  90
            COAL_MINE,           C,       UNGRADED, ORANGE,       KEY,    6,  4,  0,    60
            COAL_MINE,           D,       UNGRADED, BLUE,         KEY,    4,  4,  0,    25
            COAL_MINE,           UNRATED, UNGRADED, NOT_ASSESSED, RANDOM, 4,  0,  0.3,  90
            NON_COAL_MINE,       A,       1,        YELLOW,       RANDOM, 1,  0,  0.3,  90
            NON_COAL_MINE,       B,       UNGRADED, ORANGE,       RANDOM, 1,  0,  0.6,  60
            NON_COAL_MINE,       C,       UNGRADED, YELLOW,       RANDOM, 2,  0,  0.6,  60
            NON_COAL_MINE,       D,       UNGRADED, YELLOW,       KEY,    4,  4,  0,    25
            HAZARDOUS_CHEMICALS, A,       1,        BLUE,         RANDOM, 2,  0,  0.15, 120
            HAZARDOUS_CHEMICALS, B,       2,        YELLOW,       RANDOM, 4,  0,  0.3,  90
            HAZARDOUS_CHEMICALS, B,       3,        RED,          KEY,    8,  4,  0,    45
            HAZARDOUS_CHEMICALS, D,       UNGRADED, RED,          KEY,    12, 12, 0,    25
            METAL_SMELTING,      C,       UNGRADED, BLUE,         RANDOM, 12, 0,  0.4,  90
            OTHER,               A,       1,        BLUE,         RANDOM, 1,  0,  0.15, 120
            OTHER,               B,       UNGRADED, NOT_ASSESSED, RANDOM, 6,  0,  0.3,  90
            CONSTRUCTION,        A,       2,        YELLOW,       RANDOM, 2,  0,  0.3,  90
            CONSTRUCTION,        C,       3,        ORANGE,       KEY,    4,  4,  0,    60
            CONSTRUCTION,        D,       UNGRADED, ORANGE,       KEY,    6,  6,  0,    25
            """)
    void frequencyByTierGradeAndRisk(
            String sector,
            String tier,
            String grade,
            String risk,
            String supervision,
            int max,
            int min,
            double ratio,
            int interval) {
        EnterpriseClass enterpriseClass = new EnterpriseClass(sector, tier, grade, risk);
        Frequency frequency =
                InspectionPolicy.evaluate(rules, List.of(enterpriseClass)).of(enterpriseClass);

        assertThat(frequency.keySupervision() ? "KEY" : "RANDOM").isEqualTo(supervision);
        assertThat(frequency.maxPerYear()).isEqualTo(max);
        assertThat(frequency.minPerYear()).isEqualTo(min);
        assertThat(frequency.samplingRatio()).isEqualTo(ratio);
        assertThat(frequency.minIntervalDays()).isEqualTo(interval);
    }

    @Test
    void eachDecisionNamesItsTwoRowsWithSheetAndRow() {
        EnterpriseClass mine = new EnterpriseClass("COAL_MINE", "C", "UNGRADED", "ORANGE");
        Frequency frequency = InspectionPolicy.evaluate(rules, List.of(mine)).of(mine);

        assertThat(frequency.rules()).hasSize(2);
        assertThat(frequency.rules()).allSatisfy(rule -> {
            assertThat(rule.origin().file()).isEqualTo(WORKBOOK);
            assertThat(rule.origin().sheet()).isEqualTo(SHEET);
            assertThat(rule.origin().row()).isPositive();
        });
        assertThat(frequency.rules().get(0).origin().table()).contains("Frequency");
        assertThat(frequency.rules().get(1).origin().table()).contains("Supervision");
    }

    @Test
    void planParametersComeFromTheirSheet() {
        InspectionPolicy policy = InspectionPolicy.evaluate(rules, List.of());

        assertThat(policy.supervisoryChecksMax()).isEqualTo(3);
        assertThat(policy.randomShareMin()).isEqualTo(0.7);
        assertThat(policy.parameterRules())
                .allSatisfy(rule -> assertThat(rule.origin().sheet()).isEqualTo(SHEET));
    }

    @Test
    void everyClassTheProvinceCanHaveIsDecidedByExactlyOneRowOfEachTable() {
        List<EnterpriseClass> all = new ArrayList<>();
        for (String sector : List.of(
                "COAL_MINE", "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "METAL_SMELTING", "CONSTRUCTION", "OTHER")) {
            for (String tier : List.of("A", "B", "C", "D", "UNRATED")) {
                for (String grade : List.of("1", "2", "3", "UNGRADED")) {
                    for (String risk : List.of("RED", "ORANGE", "YELLOW", "BLUE", "NOT_ASSESSED")) {
                        all.add(new EnterpriseClass(sector, tier, grade, risk));
                    }
                }
            }
        }

        InspectionPolicy policy = InspectionPolicy.evaluate(rules, all);

        assertThat(policy.frequencies()).hasSize(all.size());
    }

    @Test
    void aRowThatOverlapsAnotherIsAPolicyGapNamingTheClass() throws Exception {
        byte[] overlapping = new org.safereg.support.DecisionTableWorkbook()
                .sheet(
                        "Overlap",
                        "org.safereg.inspection.rules",
                        List.of("org.safereg.inspection.InspectionFrequency"),
                        "test")
                .table(
                        "Supervision",
                        List.of("DESCRIPTION", "CONDITION", "ACTION", "ACTION", "ACTION"),
                        List.of("", "f: InspectionFrequency", "", "", ""),
                        List.of(
                                "",
                                "riskIn(\"$param\")",
                                "f.supervision(\"$param\");",
                                "f.samplingRatio($param);",
                                "f.minIntervalDays($param);"),
                        List.of("Description", "Risk", "Supervision", "Ratio", "Interval"))
                .row("second blue row", "BLUE", "RANDOM", 0.9, 10)
                .toBytes();
        List<RuleFile> files = new ArrayList<>(RuleSetSources.load(REPOSITORY));
        files.add(new RuleFile("decision-tables/overlap.xlsx", overlapping));
        RuleSetSnapshot withOverlap = new RuleEngine(Clock.systemUTC()).compile(files);
        EnterpriseClass blue = new EnterpriseClass("OTHER", "A", "1", "BLUE");

        assertThatThrownBy(() -> InspectionPolicy.evaluate(withOverlap, Set.of(blue)))
                .isInstanceOf(PolicyGapException.class)
                .hasMessageContaining("sector OTHER, credit tier A, grade 1, risk BLUE")
                .hasMessageContaining("several rows of the Supervision table match");
    }

    @Test
    void everyRowOfTheWorkbookIsARuleThatSaysWhereItComesFrom() {
        // however many rows policy staff write: each one a rule, none dropped, none made up
        assertThat(Files.exists(REPOSITORY.resolve(WORKBOOK))).isTrue();
        assertThat(ShippedWorkbook.ruleOrigins(rules, WORKBOOK))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(ShippedWorkbook.ruleRows(WORKBOOK));
    }
}

package org.safereg.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetSources;
import org.safereg.support.ShippedWorkbook;

/** The shipped risk table, read as a policy officer reads decision-tables/risk-level.xlsx. */
class RiskRulesTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String WORKBOOK = "decision-tables/risk-level.xlsx";
    private static RuleSetSnapshot rules;

    @BeforeAll
    static void compileTheShippedRuleSet() {
        rules = new RuleEngine(Clock.systemUTC()).compile(RuleSetSources.load(REPOSITORY));
    }

    @Test
    void everyRowOfTheWorkbookIsARuleThatSaysWhereItComesFrom() {
        // however many rows policy staff write: each one a rule, none dropped, none made up
        assertThat(ShippedWorkbook.ruleOrigins(rules, WORKBOOK))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(ShippedWorkbook.ruleRows(WORKBOOK));
        assertThat(rules.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} with major hazard source {1} is at least {2}")
    @CsvSource(
            nullValues = "none",
            textBlock =
                    """
            HAZARDOUS_CHEMICALS, 1,    ORANGE
            HAZARDOUS_CHEMICALS, 2,    ORANGE
            HAZARDOUS_CHEMICALS, 3,    YELLOW
            HAZARDOUS_CHEMICALS, 4,    YELLOW
            HAZARDOUS_CHEMICALS, none, BLUE
            METAL_SMELTING,      none, BLUE
            CONSTRUCTION,        none, BLUE
            OTHER,               none, BLUE
            COAL_MINE,           none, YELLOW
            NON_COAL_MINE,       none, YELLOW
            COAL_MINE,           2,    ORANGE
            """)
    void inherentRisk(String sector, Integer majorHazardLevel, RiskLevel level) {
        RiskAssessment risk = assess(facts(sector, majorHazardLevel, "A", 0, 0, 0, 0, 0, 0));

        assertThat(risk.level()).isEqualTo(level);
        assertThat(risk.reasons())
                .allSatisfy(reason -> assertThat(reason.fact()).isEqualTo("INHERENT"));
    }

    @ParameterizedTest(name = "a blue enterprise with credit tier {0} is {1}")
    @CsvSource(
            nullValues = "none",
            textBlock =
                    """
            A,    BLUE
            B,    BLUE
            C,    YELLOW
            D,    ORANGE
            none, BLUE
            """)
    void creditTierEscalates(String tier, RiskLevel level) {
        assertThat(assess(facts("OTHER", null, tier, 0, 0, 0, 0, 0, 0)).level()).isEqualTo(level);
    }

    @ParameterizedTest(name = "a blue enterprise with {1} open alarm(s) of level {0} is {2}")
    @CsvSource(
            textBlock =
                    """
            0, 1, YELLOW
            1, 1, YELLOW
            1, 2, YELLOW
            1, 3, ORANGE
            2, 1, ORANGE
            2, 2, RED
            3, 1, RED
            """)
    void openAlarmsEscalate(int alarmLevel, int count, RiskLevel level) {
        int[] open = new int[4];
        open[alarmLevel] = count;
        RiskAssessment risk = assess(facts("OTHER", null, "A", open[0], open[1], open[2], open[3], 0, 0));

        assertThat(risk.level()).isEqualTo(level);
        assertThat(risk.reasons().get(0).fact()).isEqualTo("ALARMS");
    }

    @ParameterizedTest(name = "a blue enterprise with {0} overdue major and {1} overdue general hazards is {2}")
    @CsvSource(
            textBlock =
                    """
            1, 0, RED
            0, 1, YELLOW
            0, 4, YELLOW
            0, 5, ORANGE
            0, 0, BLUE
            """)
    void overdueHazardsEscalate(int major, int general, RiskLevel level) {
        assertThat(assess(facts("OTHER", null, "A", 0, 0, 0, 0, major, general)).level())
                .isEqualTo(level);
    }

    @Test
    void theHighestLevelAnyRowGivesWinsAndEveryMatchingRowIsAReason() {
        // inherent ORANGE (level-1 source), tier D ORANGE, a level-2 alarm ORANGE, an overdue major hazard RED
        RiskAssessment risk = assess(facts("HAZARDOUS_CHEMICALS", 1, "D", 0, 0, 1, 0, 1, 0));

        assertThat(risk.level()).isEqualTo(RiskLevel.RED);
        // the sector row (BLUE) and the source row (ORANGE) both match: the inherent risk is ORANGE
        assertThat(risk.reasons())
                .extracting(RiskReason::fact, RiskReason::level)
                .containsExactlyInAnyOrder(
                        tuple("HAZARDS", "RED"),
                        tuple("INHERENT", "ORANGE"),
                        tuple("CREDIT", "ORANGE"),
                        tuple("ALARMS", "ORANGE"),
                        tuple("INHERENT", "BLUE"));
        assertThat(risk.reasons()).last().extracting(RiskReason::level).isEqualTo("BLUE");
        assertThat(risk.reasons().get(0).detail()).isEqualTo("1 overdue major hazard");
        assertThat(risk.reasons().get(0).level()).isEqualTo("RED");
        FiredRule hazardRow = risk.firedRules().stream()
                .filter(r -> r.ordinal() == risk.reasons().get(0).rule())
                .findFirst()
                .orElseThrow();
        assertThat(hazardRow.origin().file()).isEqualTo(WORKBOOK);
        assertThat(hazardRow.origin().sheet()).isEqualTo("Risk level");
        assertThat(hazardRow.origin().table()).isEqualTo("Overdue hazards");
        assertThat(hazardRow.origin().row()).isPositive();
    }

    @Test
    void aSectorNoInherentRowNamesIsNotRated() {
        assertThatThrownBy(() -> assess(facts("FIREWORKS", null, "A", 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(RiskModelException.class)
                .hasMessageContaining("sector FIREWORKS");
    }

    private static RiskAssessment assess(RiskFacts facts) {
        return RiskAssessor.assess(rules, facts, Instant.now());
    }

    static RiskFacts facts(
            String sector,
            Integer majorHazardLevel,
            String tier,
            int earlyWarnings,
            int level1,
            int level2,
            int cutOff,
            int overdueMajor,
            int overdueGeneral) {
        return new RiskFacts(
                1,
                "91149901TEAM000014",
                sector,
                majorHazardLevel,
                tier,
                earlyWarnings,
                level1,
                level2,
                cutOff,
                overdueMajor,
                overdueGeneral);
    }
}

package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetSources;

/** The shipped credit model, read as a policy officer reads decision-tables/credit-scoring.xlsx. */
class CreditRulesTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static RuleSetSnapshot rules;

    @BeforeAll
    static void compileTheShippedRuleSet() {
        RuleEngine engine = new RuleEngine(Clock.systemUTC());
        rules = engine.compile(RuleSetSources.load(REPOSITORY));
    }

    @ParameterizedTest(name = "{0} = {1} earns {2} points")
    @CsvSource(
            textBlock =
                    """
            MAJOR_HAZARD_RECTIFICATION, 100,   100
            MAJOR_HAZARD_RECTIFICATION, 99.99, 85
            MAJOR_HAZARD_RECTIFICATION, 95,    85
            MAJOR_HAZARD_RECTIFICATION, 94.99, 70
            MAJOR_HAZARD_RECTIFICATION, 90,    70
            MAJOR_HAZARD_RECTIFICATION, 89.99, 50
            MAJOR_HAZARD_RECTIFICATION, 80,    50
            MAJOR_HAZARD_RECTIFICATION, 79.99, 30
            MAJOR_HAZARD_RECTIFICATION, 60,    30
            MAJOR_HAZARD_RECTIFICATION, 59.99, 0
            MAJOR_HAZARD_RECTIFICATION, 0,     0
            VIOLATIONS,                 0,     100
            VIOLATIONS,                 1,     80
            VIOLATIONS,                 2,     60
            VIOLATIONS,                 3,     40
            VIOLATIONS,                 4,     40
            VIOLATIONS,                 5,     20
            VIOLATIONS,                 9,     20
            VIOLATIONS,                 10,    0
            VIOLATIONS,                 250,   0
            TRAINING_COVERAGE,          100,   100
            TRAINING_COVERAGE,          95,    100
            TRAINING_COVERAGE,          94.99, 80
            TRAINING_COVERAGE,          85,    80
            TRAINING_COVERAGE,          84.99, 60
            TRAINING_COVERAGE,          70,    60
            TRAINING_COVERAGE,          69.99, 30
            TRAINING_COVERAGE,          50,    30
            TRAINING_COVERAGE,          49.99, 0
            DRILL_COMPLETION,           100,   100
            DRILL_COMPLETION,           99.99, 75
            DRILL_COMPLETION,           75,    75
            DRILL_COMPLETION,           74.99, 50
            DRILL_COMPLETION,           50,    50
            DRILL_COMPLETION,           49.99, 25
            DRILL_COMPLETION,           25,    25
            DRILL_COMPLETION,           24.99, 0
            """)
    void eachBandAwardsItsPointsUpToItsBoundary(String indicator, double value, double points) {
        CreditScorecard card = new CreditScorecard(1);
        rules.evaluate(List.of(new Measure(card, indicator, value)));

        assertThat(card.indicators()).singleElement().satisfies(scored -> {
            assertThat(scored.points()).isEqualTo(points);
            assertThat(scored.value()).isEqualTo(value);
        });
        assertThat(card.problems()).isEmpty();
    }

    @ParameterizedTest(name = "score {0} is tier {1}")
    @CsvSource(
            textBlock =
                    """
            100,   A
            90,    A
            89.99, B
            75,    B
            74.99, C
            60,    C
            59.99, D
            0,     D
            """)
    void tierCutOffs(double score, String tier) {
        CreditScorecard card = new CreditScorecard(1);
        rules.evaluate(List.of(new CreditScore(card, score)));

        assertThat(card.scoreTier()).isEqualTo(tier);
        assertThat(card.problems()).isEmpty();
    }

    @Test
    void weightsSumToOneHundredPercent() {
        CreditScorecard card = new CreditScorecard(1);
        rules.evaluate(List.of(
                new Measure(card, CreditAssessor.RECTIFICATION, 100),
                new Measure(card, CreditAssessor.VIOLATIONS, 0),
                new Measure(card, CreditAssessor.TRAINING, 100),
                new Measure(card, CreditAssessor.DRILLS, 100)));

        assertThat(card.indicators())
                .extracting(IndicatorPoints::weightPercent)
                .containsExactlyInAnyOrder(30.0, 25.0, 20.0, 25.0);
        assertThat(card.indicators().stream()
                        .mapToDouble(IndicatorPoints::weightPercent)
                        .sum())
                .isEqualTo(100.0);
    }

    @Test
    void aSpotlessEnterpriseIsTierA() {
        CreditAssessment credit = assess(facts().build(), List.of());

        assertThat(credit.score()).isEqualTo(100.0);
        assertThat(credit.tier()).isEqualTo("A");
        assertThat(credit.vetoes()).isEmpty();
        assertThat(credit.ruleSetVersion()).isEqualTo(rules.version().hash());
        assertThat(credit.firedRules())
                .extracting(r -> r.name())
                .contains("Credit: weighted score of the indicator points", "Tier cut-offs_48");
    }

    @Test
    void theScoreIsTheWeightedSumOfThePoints() {
        // 18 of 20 major hazards on time (90 % -> 70 points), 2 violations (60), 80 % trained (60),
        // 3 of 4 drills (75 % -> 75): 0.3*70 + 0.25*60 + 0.2*60 + 0.25*75 = 66.75, tier C
        CreditAssessment credit = assess(
                facts().majorHazards(20, 18)
                        .violations(2)
                        .training(100, 80)
                        .drills(4, 3)
                        .build(),
                List.of());

        assertThat(credit.indicators())
                .extracting(IndicatorPoints::indicator, IndicatorPoints::value, IndicatorPoints::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CreditAssessor.RECTIFICATION, 90.0, 70.0),
                        org.assertj.core.groups.Tuple.tuple(CreditAssessor.VIOLATIONS, 2.0, 60.0),
                        org.assertj.core.groups.Tuple.tuple(CreditAssessor.TRAINING, 80.0, 60.0),
                        org.assertj.core.groups.Tuple.tuple(CreditAssessor.DRILLS, 75.0, 75.0));
        assertThat(credit.score()).isEqualTo(66.75);
        assertThat(credit.tier()).isEqualTo("C");
    }

    @Test
    void aSeriousAccidentWithinThreeYearsVetoesToTierDWhateverTheScore() {
        CreditAssessment credit = assess(facts().build(), List.of(accident(AccidentGrade.SERIOUS, 35, false)));

        assertThat(credit.score()).isEqualTo(100.0);
        assertThat(credit.scoreTier()).isEqualTo("A");
        assertThat(credit.tier()).isEqualTo("D");
        assertThat(credit.vetoes()).singleElement().satisfies(veto -> {
            assertThat(veto.tier()).isEqualTo("D");
            assertThat(veto.reason()).contains("重大");
            assertThat(veto.rule()).isEqualTo("MEM Order 11: especially serious or serious accident within 36 months");
        });
    }

    @Test
    void aSeriousAccidentOlderThanThreeYearsNoLongerVetoes() {
        CreditAssessment credit =
                assess(facts().build(), List.of(accident(AccidentGrade.ESPECIALLY_SERIOUS, 36, false)));

        assertThat(credit.tier()).isEqualTo("A");
        assertThat(credit.vetoes()).isEmpty();
    }

    @Test
    void twoLargerAccidentsWithinTwelveMonthsVetoButOneDoesNot() {
        CreditAssessment one = assess(facts().build(), List.of(accident(AccidentGrade.LARGER, 3, false)));
        CreditAssessment two = assess(
                facts().build(),
                List.of(accident(AccidentGrade.LARGER, 3, false), accident(AccidentGrade.LARGER, 11, false)));
        CreditAssessment twoButOneOld = assess(
                facts().build(),
                List.of(accident(AccidentGrade.LARGER, 3, false), accident(AccidentGrade.LARGER, 12, false)));

        assertThat(one.tier()).isEqualTo("A");
        assertThat(two.tier()).isEqualTo("D");
        assertThat(two.vetoes())
                .extracting(CreditAssessment.Veto::rule)
                .containsExactly("MEM Order 11: two or more larger accidents within 12 months");
        assertThat(twoButOneOld.tier()).isEqualTo("A");
    }

    @Test
    void aConcealedAccidentVetoes() {
        CreditAssessment credit = assess(facts().build(), List.of(accident(AccidentGrade.GENERAL, 5, true)));

        assertThat(credit.tier()).isEqualTo("D");
        assertThat(credit.vetoes())
                .extracting(CreditAssessment.Veto::rule)
                .containsExactly("MEM Order 11: accident concealed or falsely reported");
    }

    @Test
    void operatingWithoutAValidLicenceVetoes() {
        for (String status : List.of("NONE", "SUSPENDED", "REVOKED")) {
            assertThat(assess(facts().licence(status).build(), List.of()).tier())
                    .as(status)
                    .isEqualTo("D");
        }
        assertThat(assess(facts().licence("NOT_REQUIRED").build(), List.of()).tier())
                .isEqualTo("A");
    }

    @Test
    void anArticle114MultipleFineVetoes() {
        CreditAssessment credit = assess(facts().art114Fines(1).violations(1).build(), List.of());

        assertThat(credit.scoreTier()).isEqualTo("A");
        assertThat(credit.tier()).isEqualTo("D");
    }

    @Test
    void severalVetoesAreAllRecorded() {
        CreditAssessment credit =
                assess(facts().licence("NONE").build(), List.of(accident(AccidentGrade.SERIOUS, 1, true)));

        assertThat(credit.vetoes()).hasSize(3);
        assertThat(credit.tier()).isEqualTo("D");
    }

    @Test
    void noMajorHazardDueCountsAsFullyRectifiedAndNoDrillPlanCountsAsNone() {
        CreditAssessment credit = assess(facts().majorHazards(0, 0).drills(0, 0).build(), List.of());

        assertThat(credit.indicators())
                .filteredOn(p -> p.indicator().equals(CreditAssessor.RECTIFICATION))
                .singleElement()
                .satisfies(p -> assertThat(p.points()).isEqualTo(100.0));
        assertThat(credit.indicators())
                .filteredOn(p -> p.indicator().equals(CreditAssessor.DRILLS))
                .singleElement()
                .satisfies(p -> assertThat(p.points()).isEqualTo(0.0));
    }

    @Test
    void aGapInTheBandsIsAnErrorNotZeroPoints() throws Exception {
        // a policy edit that leaves 93-95 % without a band
        List<RuleFile> files = new ArrayList<>(RuleSetSources.load(REPOSITORY));
        files.replaceAll(f -> f.path().endsWith("credit-scoring.xlsx") ? withCell(f, "E22", 93) : f);
        RuleSetSnapshot gappy = new RuleEngine(Clock.systemUTC()).compile(files);

        assertThatThrownBy(() -> CreditAssessor.assess(
                        gappy, facts().majorHazards(50, 47).build(), List.of(), Instant.now()))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("MAJOR_HAZARD_RECTIFICATION has a weight but no scoring band matched it");
        assertThat(CreditAssessor.assess(gappy, facts().majorHazards(20, 19).build(), List.of(), Instant.now())
                        .tier())
                .isEqualTo("A");
    }

    private static RuleFile withCell(RuleFile workbook, String reference, double value) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook.content()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellReference ref = new CellReference(reference);
            book.getSheetAt(0).getRow(ref.getRow()).getCell(ref.getCol()).setCellValue(value);
            book.write(out);
            return new RuleFile(workbook.path(), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CreditAssessment assess(CreditFacts facts, List<Accident> accidents) {
        return CreditAssessor.assess(rules, facts, accidents, Instant.parse("2026-11-28T00:00:00Z"));
    }

    private static Accident accident(AccidentGrade grade, int monthsAgo, boolean concealed) {
        return new Accident(1, grade, monthsAgo, 0, concealed);
    }

    private static FactsBuilder facts() {
        return new FactsBuilder();
    }

    /** An enterprise with a spotless record, to be made worse one fact at a time. */
    private static final class FactsBuilder {
        private String licence = "VALID";
        private int majorDue = 4;
        private int majorOnTime = 4;
        private int violations;
        private int art114;
        private int required = 50;
        private int trained = 50;
        private int drillsPlanned = 2;
        private int drillsDone = 2;

        FactsBuilder licence(String status) {
            licence = status;
            return this;
        }

        FactsBuilder majorHazards(int due, int onTime) {
            majorDue = due;
            majorOnTime = onTime;
            return this;
        }

        FactsBuilder violations(int count) {
            violations = count;
            return this;
        }

        FactsBuilder art114Fines(int count) {
            art114 = count;
            return this;
        }

        FactsBuilder training(int requiredEmployees, int trainedEmployees) {
            required = requiredEmployees;
            trained = trainedEmployees;
            return this;
        }

        FactsBuilder drills(int planned, int done) {
            drillsPlanned = planned;
            drillsDone = done;
            return this;
        }

        CreditFacts build() {
            return new CreditFacts(
                    1,
                    "91140100MA0L3XXX1X",
                    "HAZARDOUS_CHEMICALS",
                    licence,
                    LocalDate.of(2026, 11, 28),
                    majorDue,
                    majorOnTime,
                    violations,
                    art114,
                    required,
                    trained,
                    drillsPlanned,
                    drillsDone);
        }
    }
}

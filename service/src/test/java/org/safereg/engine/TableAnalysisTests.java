package org.safereg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableAnalysisTests {

    private static final String CREDIT = "decision-tables/credit-scoring.xlsx";
    private static final String SHEET = "Credit scoring";

    private final RuleEngine engine = new RuleEngine(java.time.Clock.systemUTC());

    @Test
    void theShippedTablesHaveNoOverlapGapOrWeightProblem() {
        assertThat(engine.analyse(Workbooks.shipped())).isEmpty();
    }

    @Test
    void aGapBetweenTwoScoringBandsIsNamedWithTheValuesNoRowMatches() {
        // 80-90 % shortened to 80-88 %: a rectification rate of 88-90 % would score nothing
        var findings = engine.analyse(Workbooks.withEdited(CREDIT, Workbooks.set(SHEET, "E23", "88")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.error()).isFalse();
            assertThat(finding.problem().location()).isEqualTo(CREDIT + ", sheet 'Credit scoring', cell D22");
            assertThat(finding.problem().message())
                    .isEqualTo("a gap between this band and row 23: a value of MAJOR_HAZARD_RECTIFICATION from 88 up to"
                            + " (not including) 90 matches no row");
            assertThat(finding.messageZh()).contains("空档").contains("88（含）至 90（不含）");
        });
    }

    @Test
    void anInvertedBandIsAnErrorAtItsLowerBound() {
        // 80-90 % typed as 95-90 %: no rate can match the row
        var findings = engine.analyse(Workbooks.withEdited(CREDIT, book -> {
            Workbooks.set(SHEET, "D23", "95").accept(book);
        }));

        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.error()).isTrue();
            assertThat(finding.problem().location()).isEqualTo(CREDIT + ", sheet 'Credit scoring', cell D23");
            assertThat(finding.problem().message()).startsWith("the band is empty: its lower bound 95");
        });
    }

    @Test
    void overlappingBandsAreNamedWithTheValuesBothRowsMatch() {
        // "2 violations" starting at 1.5 overlaps "1 violation" (1 to 2)
        var findings = engine.analyse(Workbooks.withEdited(CREDIT, Workbooks.set(SHEET, "D28", "1.5")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.problem().row()).isEqualTo(28);
            assertThat(finding.problem().column()).isEqualTo("D");
            assertThat(finding.problem().cellText()).isEqualTo("1.5");
            assertThat(finding.problem().message())
                    .isEqualTo("the band overlaps row 27: a value of VIOLATIONS from 1.5 up to (not including) 2"
                            + " matches both rows");
            assertThat(finding.messageZh()).contains("重叠");
        });
    }

    @Test
    void weightsThatDoNotAddUpToOneHundredAreAnError() {
        var findings = engine.analyse(Workbooks.withEdited(CREDIT, Workbooks.set(SHEET, "D11", "30")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.error()).isTrue();
            assertThat(finding.problem().location()).isEqualTo(CREDIT + ", sheet 'Credit scoring', cell D10");
            assertThat(finding.problem().message()).isEqualTo("the weights in D10:D13 add up to 105 %, not 100 %");
            assertThat(finding.messageZh()).isEqualTo("权重 D10:D13 合计为 105 %，而非 100 %");
        });
    }

    @Test
    void anIndicatorTheWeightsTableDoesNotDeclareIsAnError() {
        var findings = engine.analyse(Workbooks.withEdited(CREDIT, Workbooks.set(SHEET, "C30", "VIOLATION")));

        assertThat(findings).filteredOn(TableFinding::error).singleElement().satisfies(finding -> {
            assertThat(finding.problem().location()).isEqualTo(CREDIT + ", sheet 'Credit scoring', cell C30");
            assertThat(finding.problem().message())
                    .startsWith("'VIOLATION' is not one of the values table 'Indicator weights' declares for"
                            + " indicator");
        });
        // and the VIOLATIONS bands now miss 5 to 10
        assertThat(findings)
                .filteredOn(f -> !f.error())
                .extracting(f -> f.problem().message())
                .containsExactly("a gap between this band and row 29: a value of VIOLATIONS from 5 up to (not"
                        + " including) 10 matches no row");
    }

    @Test
    void aRowThatRepeatsAnotherIsReported() {
        List<RuleFile> files = Workbooks.withEdited(CREDIT, book -> {
            Workbooks.set(SHEET, "D21", "90").accept(book);
            Workbooks.set(SHEET, "E21", "95").accept(book);
            Workbooks.set(SHEET, "F21", "70").accept(book);
        });

        assertThat(engine.analyse(files))
                .extracting(f -> f.problem().row() + ": " + f.problem().message())
                .contains("22: this row repeats row 21 in every condition and action: it can never decide anything"
                        + " row 21 does not");
    }
}

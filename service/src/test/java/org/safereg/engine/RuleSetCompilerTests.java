package org.safereg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetCompilerTests {

    private static final String CREDIT = "decision-tables/credit-scoring.xlsx";
    private static final String SHEET = "Credit scoring";

    private final RuleEngine engine = new RuleEngine(Clock.systemUTC());

    @Test
    void shippedRuleSetCompilesWithoutWarnings() {
        RuleSetSnapshot snapshot = engine.compile(Workbooks.shipped());

        assertThat(snapshot.warnings()).isEmpty();
        assertThat(snapshot.version().hash()).hasSize(64);
        assertThat(snapshot.version().files())
                .extracting(RuleSetVersion.FileSummary::path)
                .contains(CREDIT, "rules/credit-vetoes.drl", "rules/credit-score.drl");
    }

    @Test
    void everyShippedWorkbookYieldsOneRulePerRuleRow() throws Exception {
        // Guards the silent trap: a workbook whose rules never reach the rule base compiles "fine".
        RuleSetSnapshot snapshot = engine.compile(Workbooks.shipped());
        Map<String, Integer> built = snapshot.version().files().stream()
                .collect(Collectors.toMap(RuleSetVersion.FileSummary::path, RuleSetVersion.FileSummary::rules));
        List<RuleFile> workbooks =
                Workbooks.shipped().stream().filter(RuleFile::isDecisionTable).toList();

        assertThat(workbooks).isNotEmpty();
        for (RuleFile workbook : workbooks) {
            int rows = DecisionTableLayout.read(workbook).ruleRowCount();
            assertThat(rows).as("rule rows in %s", workbook.path()).isPositive();
            assertThat(built.get(workbook.path()))
                    .as("rules built from %s", workbook.path())
                    .isEqualTo(rows);
        }
        assertThat(built.get(CREDIT)).isEqualTo(4 + 22 + 4);
    }

    @Test
    void everyRuleIsTracedToItsSheetAndRowOrDrlFile() {
        RuleSetSnapshot snapshot = engine.compile(Workbooks.shipped());

        assertThat(snapshot.origins().get("org.safereg.credit.rules/Scoring bands_21"))
                .isEqualTo(RuleOrigin.cell(CREDIT, SHEET, "Scoring bands", 21));
        assertThat(snapshot.origins()
                        .get("org.safereg.credit.rules/MEM Order 11: accident concealed or falsely reported"))
                .isEqualTo(RuleOrigin.drl("rules/credit-vetoes.drl"));
        assertThat(snapshot.origins().values())
                .allSatisfy(origin -> assertThat(origin.file()).isNotBlank());
    }

    @Test
    void versionIsTheContentHashAndChangesWithAnyCell() {
        String shipped = engine.compile(Workbooks.shipped()).version().hash();
        String again = engine.compile(Workbooks.shipped()).version().hash();
        String edited = engine.compile(Workbooks.withEdited(CREDIT, Workbooks.set(SHEET, "F20", "99")))
                .version()
                .hash();

        assertThat(again).isEqualTo(shipped);
        assertThat(edited).isNotEqualTo(shipped);
    }

    @ParameterizedTest(name = "{1}{2} = \"{3}\"")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            text where a number is expected in a condition | D | 21 | abc       | value >= abc
            a stray bracket in a condition                  | D | 22 | 95)       | syntax error
            two numbers in one cell                         | E | 22 | 9 5       | syntax error
            words where points are expected in an action    | F | 21 | x y       | x cannot be resolved
            a per cent sign in a weight                     | D | 12 | 30%       | "%"
            a formula where a value is expected             | F | 23 | =1+1      | a formula where a value is expected
            """)
    void aBrokenCellIsReportedAtItsSheetRowAndColumn(String kind, String column, int row, String text, String reason) {
        var files = Workbooks.withEdited(CREDIT, Workbooks.set(SHEET, column + row, text));

        assertThatThrownBy(() -> engine.compile(files)).isInstanceOfSatisfying(RuleSetCompilationException.class, e -> {
            assertThat(e.problems()).as(kind).hasSize(1);
            RuleProblem problem = e.problems().get(0);
            assertThat(problem.file()).isEqualTo(CREDIT);
            assertThat(problem.sheet()).isEqualTo(SHEET);
            assertThat(problem.row()).isEqualTo(row);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.cellText()).isEqualTo(text);
            assertThat(problem.message()).contains(reason.replace("\"", ""));
            assertThat(e.getMessage()).contains(CREDIT + ", sheet 'Credit scoring', cell " + column + row);
        });
    }

    @Test
    void everyWorkbooksProblemsAreReportedAtOnce() {
        // a formula (found before Drools runs) in one workbook, a compile error in another
        List<RuleFile> files = new ArrayList<>(Workbooks.withEdited(CREDIT, Workbooks.set(SHEET, "F23", "=1+1")));
        String alarms = "decision-tables/alarm-thresholds.xlsx";
        files.replaceAll(f -> f.path().equals(alarms)
                ? new RuleFile(alarms, Workbooks.edit(f.content(), Workbooks.set("Alarm thresholds", "I12", "abc")))
                : f);

        assertThatThrownBy(() -> engine.compile(files))
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::location)
                        .containsExactlyInAnyOrder(
                                CREDIT + ", sheet 'Credit scoring', cell F23",
                                alarms + ", sheet 'Alarm thresholds', cell I12"));
    }

    @Test
    void anUnknownFactTypeIsReported() {
        var files = Workbooks.withEdited(CREDIT, Workbooks.set(SHEET, "C17", "m: Thing"));

        assertThatThrownBy(() -> engine.compile(files))
                .isInstanceOfSatisfying(
                        RuleSetCompilationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.location()).isEqualTo(CREDIT + ", sheet 'Credit scoring', cell C17");
                            assertThat(p.cellText()).isEqualTo("m: Thing");
                            assertThat(p.message()).contains("the fact type 'Thing' is unknown");
                        }));
    }

    @Test
    void aWorkbookWithoutRuleTablesIsRefusedRatherThanSilentlyIgnored() {
        var files = Workbooks.withEdited(CREDIT, book -> {
            var sheet = book.getSheet(SHEET);
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.toString().startsWith("RuleTable")) {
                        cell.setCellValue("Table");
                    }
                }
            }
        });

        assertThatThrownBy(() -> engine.compile(files))
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("no rule table found")));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefused() {
        var files = Workbooks.withReplaced(CREDIT, "this is not a spreadsheet".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> engine.compile(files))
                .isInstanceOfSatisfying(
                        RuleSetCompilationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.file()).isEqualTo(CREDIT);
                            assertThat(p.message()).startsWith("not a readable Excel workbook");
                        }));
    }

    @Test
    void aDrlSyntaxErrorNamesTheFileAndLine() {
        List<RuleFile> files = new ArrayList<>(Workbooks.shipped());
        files.add(new RuleFile(
                "rules/broken.drl",
                """
                package org.safereg.credit.rules

                rule "Broken"
                when
                    CreditScorecard( score >>> 3 )
                then
                end
                """
                        .getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> engine.compile(files))
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("rules/broken.drl");
                            assertThat(p.line()).isEqualTo(5);
                        }));
    }

    @Test
    void anActiveSnapshotKeepsServingWhileACandidateFailsToCompile() {
        RuleSetSnapshot good = engine.compile(Workbooks.shipped());
        engine.activate(good);

        assertThatThrownBy(() -> engine.compile(Workbooks.withEdited(CREDIT, Workbooks.set(SHEET, "D21", "abc"))))
                .isInstanceOf(RuleSetCompilationException.class);
        assertThat(engine.active()).isSameAs(good);
    }
}

package org.safereg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DMN models in a rule set: compiled with the version, decided by model name with the decision-table rules
 * that matched as provenance, and checked with kie-dmn-validation, every problem located by file, decision,
 * table and rule number.
 */
class DmnModelTests {

    static final String BAND = "decision-tables/discretion-band.dmn";

    private static final RuleEngine engine = new RuleEngine(Clock.systemUTC());
    private static RuleSetSnapshot shipped;
    private static RuleSetSnapshot withModel;

    @BeforeAll
    static void compile() throws IOException {
        shipped = engine.compile(Workbooks.shipped());
        withModel = engine.compile(with(fixture("discretion-band.dmn")));
    }

    static RuleFile fixture(String name) throws IOException {
        try (InputStream in = DmnModelTests.class.getResourceAsStream("/dmn/" + name)) {
            return new RuleFile("decision-tables/" + name, in.readAllBytes());
        }
    }

    static List<RuleFile> with(RuleFile... models) {
        List<RuleFile> files = new ArrayList<>(Workbooks.shipped());
        files.addAll(List.of(models));
        return files;
    }

    static List<RuleProblem> refusal(RuleFile model) {
        return catchThrowableOfType(() -> engine.compile(with(model)), RuleSetCompilationException.class)
                .problems();
    }

    @Test
    void aModelDecidesEveryDecisionAndNamesTheRulesThatMatched() {
        ModelDecision first = withModel.decide("discretion-band", Map.of("offences", 0, "corrected", true));
        ModelDecision repeated = withModel.decide("discretion-band", Map.of("offences", 3, "corrected", false));

        assertThat(first.results()).containsEntry("band", "lenient");
        assertThat((BigDecimal) first.results().get("fine factor")).isEqualByComparingTo("0.3");
        assertThat(repeated.results()).containsEntry("band", "severe");
        assertThat(first.provenance().ruleSetVersion())
                .isEqualTo(withModel.version().hash());

        List<RuleRef> rules = first.provenance().ordinals().stream()
                .map(withModel.rules()::get)
                .toList();
        assertThat(rules).extracting(r -> r.origin().file()).containsOnly(BAND);
        assertThat(rules).extracting(r -> r.origin().sheet()).containsExactly("band", "fine factor");
        assertThat(rules).extracting(r -> r.origin().table()).containsExactly("band_table", "factor_table");
        assertThat(rules).extracting(r -> r.origin().row()).containsExactly(1, 1);
        assertThat(RuleRow.of(rules.get(0)).text()).isEqualTo("first offence corrected on the spot");
        assertThat(withModel
                        .rules()
                        .get(repeated.provenance().ordinals().get(0))
                        .origin()
                        .row())
                .isEqualTo(3);
    }

    @Test
    void theRulesOfAModelComeAfterEveryWorkbookAndDrlRuleWhoseOrdinalsStay() {
        // the shipped rule set has a model of its own (enforcement-discretion): hold the workbook and DRL rules
        List<RuleRef> before = shipped.rules().stream()
                .filter(r -> !r.origin().file().endsWith(".dmn"))
                .toList();
        List<RuleRef> after = withModel.rules();

        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after.subList(before.size(), after.size()))
                .filteredOn(r -> BAND.equals(r.origin().file()))
                .extracting(RuleRef::name)
                .containsExactly("band #1", "band #2", "band #3", "fine factor #1", "fine factor #2", "fine factor #3");
        assertThat(withModel.version().files())
                .filteredOn(f -> f.path().equals(BAND))
                .extracting(RuleSetVersion.FileSummary::rules)
                .containsExactly(6);
    }

    @Test
    void aModelTheVersionLacksOrAnInputOfTheWrongTypeIsAClearRefusal() {
        assertThatThrownBy(() -> withModel.decide("no-such-model", Map.of()))
                .isInstanceOf(DecisionModelException.class)
                .hasMessageContaining("no DMN model named 'no-such-model'")
                .hasMessageContaining("discretion-band");

        DecisionModelException wrongType = catchThrowableOfType(
                () -> withModel.decide("discretion-band", Map.of("offences", "twice", "corrected", true)),
                DecisionModelException.class);
        assertThat(wrongType.decision()).isEqualTo("band");
        assertThat(wrongType.getMessage())
                .contains("decision 'band'")
                .contains("'twice' is not allowed by the declared type");
    }

    @Test
    void theTablesReadAsTheEditorShowsThem() {
        DmnTable band = withModel.modelTables().get(0);

        assertThat(band.decision()).isEqualTo("band");
        assertThat(band.hitPolicy()).isEqualTo("UNIQUE");
        assertThat(band.inputs()).containsExactly("offences in 12 months", "corrected on the spot");
        assertThat(band.rules().get(2).inputEntries()).containsExactly(">= 1", "-");
        assertThat(band.rules().get(2).outputEntries()).containsExactly("\"severe\"");
        assertThat(band.rules().get(2).annotation()).isEqualTo("repeated within 12 months");
    }

    @Test
    void theAnalysisDerivesMcdcCasesThatTheModelDecidesAsTheirRuleSays() {
        List<DmnCase> cases = withModel.modelCases().stream()
                .filter(c -> BAND.equals(c.file()))
                .toList();

        assertThat(cases).hasSize(6);
        for (DmnCase mcdc : cases) {
            Map<String, Object> decided = withModel.decideOne(mcdc.model(), mcdc.decision(), mcdc.inputs());
            assertThat(decided.toString())
                    .as("case of rule %d of %s", mcdc.rule(), mcdc.decision())
                    .isEqualTo(mcdc.outputs().toString());
        }
    }

    @Test
    void aGapIsAWarningLocatedAtItsTableInBothLanguages() throws IOException {
        RuleSetSnapshot gap = engine.compile(with(fixture("gap-overlap.dmn")));

        assertThat(gap.modelFindings()).isNotEmpty().noneMatch(TableFinding::error);
        TableFinding finding = gap.modelFindings().stream()
                .filter(f -> f.problem().message().contains("Gap detected: [ 0, false ]"))
                .findFirst()
                .orElseThrow();
        assertThat(finding.problem().location())
                .isEqualTo("decision-tables/gap-overlap.dmn, decision 'band', table 'band_table', line 16");
        assertThat(finding.messageZh()).startsWith("决策表存在缺口");
        assertThat(finding.problem().message()).startsWith("the decision table has a gap");
    }

    @Test
    void aModelChangedUnderTheSamePathIsCheckedAgain() throws IOException {
        // the checks' results are remembered by content: an edit saved under the same name must not pass as before
        RuleFile accepted = fixture("discretion-band.dmn");
        RuleFile edited =
                new RuleFile(accepted.path(), fixture("unique-overlap.dmn").content());

        assertThat(engine.compile(with(accepted)).modelNames()).isNotEmpty();
        List<RuleProblem> problems = refusal(edited);
        assertThat(problems)
                .anyMatch(p -> p.message().startsWith("the hit policy is UNIQUE but rules overlap")
                        && p.location().startsWith("decision-tables/discretion-band.dmn"));
        assertThat(engine.compile(with(accepted)).modelNames()).isNotEmpty();
    }

    @Test
    void rulesOverlappingUnderAUniqueHitPolicyRefuseTheVersionNamingBothRules() throws IOException {
        List<RuleProblem> problems = refusal(fixture("unique-overlap.dmn"));

        RuleProblem overlap = problems.stream()
                .filter(p -> p.message().startsWith("the hit policy is UNIQUE but rules overlap"))
                .findFirst()
                .orElseThrow();
        assertThat(overlap.location())
                .startsWith("decision-tables/unique-overlap.dmn, decision 'band', table 'band_table', rule 2");
        assertThat(overlap.cellText()).isEqualTo("rules [2, 3]");
        assertThat(DmnSentences.chinese(overlap.message())).startsWith("命中策略为 UNIQUE（唯一），但有规则重叠");
    }

    @Test
    void malformedXmlIsRefusedAtItsLine() throws IOException {
        RuleProblem problem = refusal(fixture("malformed.dmn")).get(0);

        assertThat(problem.file()).isEqualTo("decision-tables/malformed.dmn");
        assertThat(problem.message()).startsWith("not well-formed XML (line");
        assertThat(problem.line()).isPositive();
        assertThat(DmnSentences.chinese(problem.message())).startsWith("不是格式正确的 XML");
    }

    @Test
    void anExternalEntityIsNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-7391");
        String xml = new String(fixture("xxe.dmn").content(), StandardCharsets.UTF_8)
                .replace("SECRET_FILE_URI", secret.toUri().toString());

        RuleSetCompilationException refused = catchThrowableOfType(
                () -> engine.compile(
                        with(new RuleFile("decision-tables/xxe.dmn", xml.getBytes(StandardCharsets.UTF_8)))),
                RuleSetCompilationException.class);

        assertThat(refused.getMessage()).doesNotContain("TOP-SECRET-7391");
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("decision-tables/xxe.dmn");
            assertThat(p.message()).startsWith("a DMN model may not carry a document type declaration");
            assertThat(p.toString()).doesNotContain("TOP-SECRET-7391");
        });
    }

    @Test
    void anUnknownTypeIsRefusedAtItsElement() throws IOException {
        List<RuleProblem> problems = refusal(fixture("unknown-type.dmn"));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("decision-tables/unknown-type.dmn");
            assertThat(p.message()).contains("tOffenceCount");
            assertThat(p.line()).isNotNull();
        });
    }

    @Test
    void aFeelSyntaxErrorIsRefusedAtItsRule() throws IOException {
        List<RuleProblem> problems = refusal(fixture("feel-syntax.dmn"));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.location()).contains("decision 'band'").contains("rule 3");
            assertThat(p.message()).contains(">= (1 ..");
        });
    }

    @Test
    void aModelImportingAModelTheRuleSetLacksIsRefused() throws IOException {
        List<RuleProblem> problems = refusal(fixture("missing-import.dmn"));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("decision-tables/missing-import.dmn");
            assertThat(p.message()).contains("penalty-articles");
        });
    }
}

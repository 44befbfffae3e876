package org.safereg.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.rulesets.RuleSetApi.CREDIT;
import static org.safereg.rulesets.RuleSetApi.SHEET;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.ShippedWorkbook;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The examples policy staff write in a workbook, and the repository's regression cases, must hold before a
 * version goes live; their results are shown case by case.
 */
@IntegrationTest
class RuleSetExamplesIntegrationTests {

    static final String EXAMPLES = "Examples";

    @Autowired
    TestRestTemplate http;

    RuleSetApi api;
    String shipped;

    @BeforeEach
    void rememberTheVersionInForce() {
        api = new RuleSetApi(http);
        shipped = api.versionInForce();
    }

    @AfterEach
    void putTheShippedVersionBack() {
        api.putBack(shipped);
    }

    @Test
    void theShippedRuleSetPassesEveryExampleOfItsWorkbooksAndEveryRegressionCase() {
        JsonNode results = examples(shipped);

        assertThat(results.path("cases"))
                .filteredOn(c -> !c.path("passed").asBoolean())
                .extracting(
                        c -> c.path("name").asText() + ": " + c.path("message").asText())
                .isEmpty();
        assertThat(results.path("failed").asInt()).isZero();
        // every example row of every workbook is a case, however many rows policy staff write
        for (String workbook : List.of(
                "decision-tables/credit-scoring.xlsx",
                "decision-tables/risk-level.xlsx",
                "decision-tables/alarm-thresholds.xlsx",
                "decision-tables/inspection-frequency.xlsx",
                "decision-tables/escalation-policy.xlsx",
                "decision-tables/hazard-types.xlsx")) {
            assertThat(results.path("cases"))
                    .as(workbook)
                    .filteredOn(c -> c.path("file").asText().equals(workbook)
                            && c.path("source").asText().equals("WORKBOOK"))
                    .allSatisfy(c -> assertThat(c.path("passed").asBoolean()).isTrue())
                    .extracting(c ->
                            c.path("sheet").asText() + " / " + c.path("row").asInt())
                    .isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(ShippedWorkbook.exampleRows(workbook));
        }
        assertThat(results.path("cases"))
                .filteredOn(c -> c.path("source").asText().equals("REGRESSION"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.path("passed").asBoolean()).isTrue());
        JsonNode exactly75 = named(results, "恰为 75 分 exactly 75: no drill planned");
        assertThat(exactly75.path("sheet").asText()).isEqualTo(EXAMPLES);
        assertThat(exactly75.path("row").asInt()).isEqualTo(10);
        assertThat(exactly75.path("inputs").path("drillsPlanned").asText()).isEqualTo("0");
        assertThat(exactly75.path("expected").path("score").asText()).isEqualTo("75");
        assertThat(exactly75.path("actual").path("tier").asText()).isEqualTo("B");
    }

    @Test
    void aBandEditThatBreaksExamplesKeepsTheVersionFromActivationUntilTheExamplesAreUpdated() {
        // one violation earns 70 points instead of 80
        ResponseEntity<JsonNode> uploaded = api.upload(
                RuleSetApi.admin("policy-officer-li"),
                "one violation earns 70",
                Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "F27", 70))));

        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String version = uploaded.getBody().path("version").asText();
        assertThat(uploaded.getBody().path("state").asText()).isEqualTo("CANDIDATE");
        assertThat(uploaded.getBody().path("examples").path("failed").asInt()).isEqualTo(3);
        JsonNode failing = named(examples(version), "74.75 分 just below 75");
        assertThat(failing.path("passed").asBoolean()).isFalse();
        assertThat(failing.path("expected").path("score").asText()).isEqualTo("74.75");
        assertThat(failing.path("actual").path("score").asText()).isEqualTo("72.25");
        assertThat(failing.path("message").asText()).isEqualTo("score expected 74.75 but the rules give 72.25");
        assertThat(failing.path("messageZh").asText()).isEqualTo("score 期望为 74.75，规则给出 72.25");

        ResponseEntity<JsonNode> refused = api.activate(RuleSetApi.admin("policy-head-wang"), version, "notice 2026-9");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("detail").asText())
                .contains("fails 3 of its examples")
                .contains("'74.75 分 just below 75' (Examples row 11)");
        assertThat(api.versionInForce()).isEqualTo(shipped);

        // the author updates the expected scores the new band gives
        String updated = api.upload(
                        RuleSetApi.admin("policy-officer-li"),
                        "one violation earns 70, examples updated",
                        Map.of(
                                CREDIT,
                                RuleSetApi.edited(
                                        CREDIT,
                                        RuleSetApi.set(SHEET, "F27", 70)
                                                .andThen(RuleSetApi.set(EXAMPLES, "L11", 72.25))
                                                .andThen(RuleSetApi.set(EXAMPLES, "L13", 56.25))
                                                .andThen(RuleSetApi.set(EXAMPLES, "L14", 92.5)))))
                .getBody()
                .path("version")
                .asText();

        assertThat(examples(updated).path("failed").asInt()).isZero();
        assertThat(api.activate(RuleSetApi.admin("policy-head-wang"), updated, "notice 2026-9")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void anExampleRowThatCannotBeReadIsAProblemAtItsCellInBothLanguages() {
        ResponseEntity<JsonNode> rejected = api.upload(
                RuleSetApi.admin("policy-officer-li"),
                "typo in an example",
                Map.of(
                        CREDIT,
                        RuleSetApi.edited(
                                CREDIT,
                                RuleSetApi.set(EXAMPLES, "E6", "two").andThen(RuleSetApi.set(EXAMPLES, "L9", "")))));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getBody().path("problems"))
                .extracting(p ->
                        p.path("location").asText() + " | " + p.path("message").asText())
                .contains("decision-tables/credit-scoring.xlsx, sheet 'Examples', cell E6 | violations must be a whole"
                        + " number of 0 or more, not \"two\"");
        assertThat(rejected.getBody().path("problems"))
                .extracting(p -> p.path("messageZh").asText())
                .contains("violations 应为不小于 0 的整数，而不是“two”");
    }

    @Test
    void anUnknownExampleColumnIsNamedWithTheColumnsThatExist() {
        ResponseEntity<JsonNode> rejected = api.upload(
                RuleSetApi.admin("policy-officer-li"),
                "unknown column",
                Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(EXAMPLES, "C4", "INPUT accidents"))));

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = rejected.getBody().path("problems").get(0);
        assertThat(problem.path("location").asText())
                .isEqualTo("decision-tables/credit-scoring.xlsx, sheet 'Examples', cell C4");
        assertThat(problem.path("cellText").asText()).isEqualTo("INPUT accidents");
        assertThat(problem.path("message").asText())
                .startsWith("unknown example column")
                .contains("majorHazardsDue");
        assertThat(problem.path("messageZh").asText()).startsWith("未知的示例列");
    }

    private static JsonNode named(JsonNode results, String name) {
        for (JsonNode result : results.path("cases")) {
            if (result.path("name").asText().equals(name)) {
                return result;
            }
        }
        throw new AssertionError("no case named " + name + " in " + results);
    }

    private JsonNode examples(String version) {
        ResponseEntity<JsonNode> answer = api.get(
                TestTokens.token("viewer", List.of("POLICY_VIEWER"), null),
                "/api/v1/rule-sets/" + version + "/examples");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}

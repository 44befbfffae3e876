package org.safereg.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.rulesets.RuleSetApi.ALARMS;
import static org.safereg.rulesets.RuleSetApi.CREDIT;
import static org.safereg.rulesets.RuleSetApi.SHEET;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Policy staff upload, inspect, activate and roll back versions of the rule set through the API. */
@IntegrationTest
class RuleSetIntegrationTests {

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
    void anUploadedWorkbookMakesACandidateBasedOnTheActiveVersionWithoutChangingIt() {
        byte[] workbook = RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "F21", 86));

        ResponseEntity<JsonNode> created = api.upload(
                RuleSetApi.admin("policy-officer-li"), "95-100 % rectification earns 86", Map.of(CREDIT, workbook));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode candidate = created.getBody();
        String version = candidate.path("version").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/rule-sets/" + version);
        assertThat(candidate.path("state").asText()).isEqualTo("CANDIDATE");
        assertThat(candidate.path("active").asBoolean()).isFalse();
        assertThat(candidate.path("parentVersion").asText()).isEqualTo(shipped);
        assertThat(candidate.path("author").asText()).isEqualTo("policy-officer-li");
        assertThat(candidate.path("comment").asText()).isEqualTo("95-100 % rectification earns 86");
        assertThat(candidate.path("problems")).isEmpty();
        List<String> paths = new ArrayList<>();
        candidate.path("files").forEach(f -> paths.add(f.path("path").asText()));
        assertThat(paths)
                .contains(
                        "decision-tables/credit-scoring.xlsx",
                        "decision-tables/alarm-thresholds.xlsx",
                        "rules/credit-vetoes.drl");
        assertThat(api.versionInForce()).isEqualTo(shipped);

        // the history lists it; the same files again are the same version
        JsonNode history =
                api.get(TestTokens.policyAdmin(), "/api/v1/rule-sets").getBody();
        assertThat(history.findValuesAsText("version")).contains(version, shipped);
        ResponseEntity<JsonNode> again =
                api.upload(RuleSetApi.admin("policy-officer-li"), null, Map.of(CREDIT, workbook));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("version").asText()).isEqualTo(version);

        // the stored workbook is the uploaded one, and its generated DRL can be reviewed
        ResponseEntity<byte[]> download = api.bytes(
                TestTokens.policyAdmin(), "/api/v1/rule-sets/" + version + "/files/decision-tables/" + CREDIT);
        assertThat(download.getBody()).isEqualTo(workbook);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(CREDIT);
        String drl = api.text(
                        TestTokens.token("viewer", List.of("POLICY_VIEWER"), null),
                        "/api/v1/rule-sets/" + version + "/drl/decision-tables/" + CREDIT)
                .getBody();
        assertThat(drl)
                .contains("package org.safereg.credit.rules;")
                .contains("rule \"Scoring bands_21\"")
                .contains("m.award(86);");
    }

    @Test
    void aBrokenUploadIsRejectedWithEveryProblemLocatedInBothLanguagesAndNeverActivated() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "D21", "abc")));
        files.put(ALARMS, RuleSetApi.edited(ALARMS, RuleSetApi.set("Alarm thresholds", "I12", "=100*2")));

        ResponseEntity<JsonNode> rejected = api.upload(TestTokens.policyAdmin(), "two broken tables", files);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = rejected.getBody();
        assertThat(problem.path("type").asText()).isEqualTo("urn:safereg:problem:rule-set-rejected");
        String version = problem.path("version").asText();
        assertThat(problem.path("problems")).hasSize(2);
        JsonNode credit = find(problem.path("problems"), "decision-tables/" + CREDIT);
        assertThat(credit.path("sheet").asText()).isEqualTo(SHEET);
        assertThat(credit.path("row").asInt()).isEqualTo(21);
        assertThat(credit.path("column").asText()).isEqualTo("D");
        assertThat(credit.path("cellText").asText()).isEqualTo("abc");
        assertThat(credit.path("message").asText()).contains("value >= abc");
        assertThat(credit.path("messageZh").asText()).startsWith("由此单元格生成的条件（“value >= abc”）无效");
        JsonNode alarms = find(problem.path("problems"), "decision-tables/" + ALARMS);
        assertThat(alarms.path("location").asText())
                .isEqualTo("decision-tables/alarm-thresholds.xlsx, sheet 'Alarm thresholds', cell I12");
        assertThat(alarms.path("cellText").asText()).isEqualTo("=100*2");
        assertThat(alarms.path("messageZh").asText()).startsWith("此处应填写数值，却是公式");

        JsonNode stored = api.get(TestTokens.policyAdmin(), "/api/v1/rule-sets/" + version)
                .getBody();
        assertThat(stored.path("state").asText()).isEqualTo("REJECTED");
        assertThat(stored.path("problems")).hasSize(2);
        ResponseEntity<JsonNode> activation = api.activate(TestTokens.policyAdmin(), version, "try anyway");
        assertThat(activation.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(activation.getBody().path("detail").asText()).contains("can never become active");
        assertThat(api.versionInForce()).isEqualTo(shipped);
    }

    @Test
    void activationPutsACandidateInForceAndActivatingTheEarlierVersionRollsBack() {
        String version = api.upload(
                        RuleSetApi.admin("policy-officer-li"),
                        "tier B from 78",
                        Map.of(
                                CREDIT,
                                RuleSetApi.edited(
                                        CREDIT,
                                        // the example of exactly 75 points is tier C under the new cut-off
                                        RuleSetApi.set(SHEET, "C49", 78)
                                                .andThen(RuleSetApi.set(SHEET, "D50", 78))
                                                .andThen(RuleSetApi.set("Examples", "M10", "C")))))
                .getBody()
                .path("version")
                .asText();

        ResponseEntity<JsonNode> activated = api.activate(
                RuleSetApi.admin("policy-head-wang"), version, "approved at the policy meeting of 3 March");

        assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activated.getBody().path("state").asText()).isEqualTo("ACTIVE");
        assertThat(activated.getHeaders().getFirst("X-SafeReg-Rule-Set")).isEqualTo(shipped);
        assertThat(api.versionInForce()).isEqualTo(version);
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        assertThat(health.at("/components/ruleSet/details/version").asText()).isEqualTo(version);
        assertThat(api.get(TestTokens.policyAdmin(), "/api/v1/rule-sets/" + shipped)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("RETIRED");
        assertThat(api.activate(TestTokens.policyAdmin(), version, null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> rolledBack =
                api.activate(RuleSetApi.admin("policy-head-wang"), shipped, "tier B complaints: back to 75");

        assertThat(rolledBack.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.versionInForce()).isEqualTo(shipped);
        JsonNode audit = api.get(TestTokens.policyAdmin(), "/api/v1/rule-sets/audit?limit=3")
                .getBody();
        assertThat(audit.get(0).path("action").asText()).isEqualTo("ROLLED_BACK");
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("policy-head-wang");
        assertThat(audit.get(0).path("version").asText()).isEqualTo(shipped);
        assertThat(audit.get(0).path("reason").asText()).isEqualTo("tier B complaints: back to 75");
        assertThat(audit.get(1).path("action").asText()).isEqualTo("ACTIVATED");
        assertThat(audit.get(1).path("version").asText()).isEqualTo(version);
        assertThat(audit.get(2).path("action").asText()).isEqualTo("UPLOADED");
        assertThat(audit.get(2).path("actor").asText()).isEqualTo("policy-officer-li");
    }

    @Test
    void onlyPolicyAdminsUploadOrActivateAndViewersRead() {
        String viewer = TestTokens.token("viewer", List.of("POLICY_VIEWER"), null);

        assertThat(api.upload(viewer, null, Map.of(CREDIT, RuleSetApi.shipped(CREDIT)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.activate(viewer, shipped, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get(TestTokens.dispatch(), "/api/v1/rule-sets").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> read = api.get(viewer, "/api/v1/rule-sets/" + shipped);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().path("active").asBoolean()).isTrue();
        assertThat(api.get(viewer, "/api/v1/rule-sets/" + "0".repeat(64)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theAuthorCannotApproveTheirOwnVersionButASecondAdminCan() {
        String version = api.upload(
                        RuleSetApi.admin("policy-officer-li"),
                        "drills 75 % earn 70",
                        Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "F38", 70))))
                .getBody()
                .path("version")
                .asText();

        ResponseEntity<JsonNode> own = api.approve(RuleSetApi.admin("policy-officer-li"), version, "looks right");
        ResponseEntity<JsonNode> second = api.approve(RuleSetApi.admin("policy-head-wang"), version, "checked");

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(own.getBody().path("detail").asText()).contains("a second policy admin must approve it");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().path("state").asText()).isEqualTo("APPROVED");
        assertThat(second.getBody().path("approvedBy").asText()).isEqualTo("policy-head-wang");
    }

    private static JsonNode find(JsonNode problems, String file) {
        for (JsonNode problem : problems) {
            if (problem.path("file").asText().equals(file)) {
                return problem;
            }
        }
        throw new AssertionError("no problem in " + file + ": " + problems);
    }
}

package org.safereg.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleRef;
import org.safereg.support.ClockControl;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.MutableClock;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.safereg.tasks.EnforcementTasks;
import org.safereg.tasks.NewTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enforcement decisions as inspectors, policy staff and enterprises meet them: a task's result with violations
 * keeps one decision per violation with the model's rules as provenance, an enterprise reads only its own, a
 * what-if answers per article and band without keeping anything, and bad circumstances are refused by name.
 */
@IntegrationTest
@Import(ClockControl.class)
class EnforcementIntegrationTests {

    private static final String DISPATCH = TestTokens.dispatch();
    private static final String INSPECTOR = TestTokens.token("inspector-3", List.of("INSPECTOR"), null);
    private static final String MODEL_FILE = "decision-tables/enforcement-discretion.dmn";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MutableClock clock;

    @Autowired
    RuleEngine engine;

    @Autowired
    EnforcementTasks tasks;

    @Autowired
    TransactionTemplate transactions;

    private Http http;
    private Province.Enterprise plant;
    private Province.Enterprise neighbour;
    private LocalDate today;

    @BeforeEach
    void twoPlants() {
        clock.reset();
        Province province = Province.reset(jdbc, redis);
        today = LocalDate.now(clock);
        plant = province.enterprise("执法化工有限公司", "HAZARDOUS_CHEMICALS", "VALID");
        neighbour = province.enterprise("邻近机械有限公司", "OTHER", "VALID");
        http = new Http(rest);
    }

    @Test
    void aTaskResultKeepsADecisionPerViolationWithTheModelsRulesAsProvenance() {
        long task = claimedTask(plant, "inspection:enf-1");

        ResponseEntity<JsonNode> completed = http.post(
                "/api/v1/tasks/" + task + "/result",
                DISPATCH,
                """
                {"inspectedOn": "%s",
                 "violations": [
                   {"description": "特种作业无证上岗",
                    "circumstances": {"article": 97, "item": 7, "history": "FIRST", "correction": "BY_DEADLINE"}},
                   {"description": "重大事故隐患拒不整改", "penaltyAmount": 40000,
                    "circumstances": {"article": 102, "history": "FIRST", "correction": "REFUSED"}},
                   {"description": "标识模糊", "lawArticle": "WSL-99"}]}
                """
                        .formatted(today));

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.OK);
        // every violation stays a fact for credit and risk; the article comes from the circumstances
        assertThat(jdbc.queryForList(
                        "SELECT law_article FROM violations WHERE enterprise_id = ? ORDER BY id",
                        String.class,
                        plant.id()))
                .containsExactly("WSL-97", "WSL-102", "WSL-99");

        JsonNode decisions = http.get("/api/v1/tasks/" + task + "/enforcement-decisions", INSPECTOR)
                .getBody();
        assertThat(decisions).hasSize(2);
        JsonNode training = decisions.get(0);
        assertThat(training.path("taskId").asLong()).isEqualTo(task);
        assertThat(training.path("enterprise").asText()).isEqualTo(plant.code());
        assertThat(training.path("inspectedOn").asText()).isEqualTo(today.toString());
        assertThat(training.path("band").path("name").asText()).isEqualTo("ORDINARY");
        assertThat(training.path("measures").path("unitFine").path("max").asLong())
                .isEqualTo(100000);
        assertThat(training.path("band").path("unitFine").path("min").asLong()).isEqualTo(30000);
        assertThat(training.path("band").path("unitFine").path("max").asLong()).isEqualTo(70000);
        assertThat(training.path("measures").path("correctionDays").asInt()).isEqualTo(30);
        assertThat(training.path("legalBasis").get(0).asText()).contains("第九十七条第（七）项");

        JsonNode hazard = decisions.get(1);
        assertThat(hazard.path("band").path("name").asText()).isEqualTo("SEVERE");
        assertThat(hazard.path("measures").path("suspension").asBoolean()).isTrue();
        assertThat(hazard.path("measures").path("dailyFine").asBoolean()).isTrue();
        assertThat(hazard.path("measures").path("personFine").path("min").asLong())
                .isEqualTo(50000);
        assertThat(hazard.path("measures").path("personFine").path("max").asLong())
                .isEqualTo(100000);

        // provenance: the version in force and the DMN rules that decided, where a policy officer finds them
        JsonNode provenance = training.path("provenance");
        assertThat(provenance.path("ruleSetVersion").asText())
                .isEqualTo(engine.active().version().hash());
        assertThat(provenance.path("rules"))
                .allSatisfy(rule -> assertThat(rule.path("file").asText()).isEqualTo(MODEL_FILE));
        // decision, decision table and rule number as the DMN editor shows them, with the rule's citation
        assertThat(provenance.path("rules"))
                .extracting(rule -> rule.path("sheet").asText() + " / "
                        + rule.path("table").asText() + " / " + rule.path("row").asInt())
                .contains(
                        "Stage / stage-table / 1",
                        "Conduct / conduct-table / 7",
                        "Legal range / legal-range-table / 1",
                        "Discretion band / band-table / 6",
                        "Correction deadline days / deadline-table / 4");
        assertThat(provenance.path("rules"))
                .filteredOn(rule -> rule.path("sheet").asText().equals("Legal range"))
                .singleElement()
                .satisfies(rule -> assertThat(rule.path("text").asText()).contains("第九十七条"));
        assertThat(hazard.path("provenance").path("rules"))
                .extracting(rule ->
                        rule.path("sheet").asText() + " / " + rule.path("row").asInt())
                .contains("Legal range / 9", "Discretion band / 3");
        assertThat(jdbc.queryForObject(
                        "SELECT fired_rules FROM enforcement_decisions WHERE task_id = ? ORDER BY id LIMIT 1",
                        String.class,
                        task))
                .matches("\\[\\d+(,\\d+)*\\]");
    }

    @Test
    void anEnterpriseReadsOnlyItsOwnDecisionsWithTheLegalBasisInChinese() {
        complete(
                claimedTask(plant, "inspection:enf-2"),
                "{\"article\": 99, \"item\": 4, \"history\": \"FIRST\"," + " \"correction\": \"ON_THE_SPOT\"}");
        complete(
                claimedTask(neighbour, "inspection:enf-3"),
                "{\"article\": 101, \"item\": 2, \"history\":" + " \"REPEAT_12M\", \"correction\": \"BY_DEADLINE\"}");
        String own = TestTokens.enterprise(plant.code());

        ResponseEntity<JsonNode> mine =
                get("/api/v1/enterprises/" + plant.code() + "/enforcement-decisions", own, "zh-CN");
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody()).singleElement().satisfies(d -> {
            assertThat(d.path("enterprise").asText()).isEqualTo(plant.code());
            assertThat(d.path("band").path("name").asText()).isEqualTo("LENIENT");
            assertThat(d.path("legalBasis").get(0).asText())
                    .startsWith("违法行为：关闭、破坏直接关系生产安全的监控、报警")
                    .contains("第九十九条第（四）项");
            assertThat(d.path("legalBasis").get(1).asText()).contains("责令限期改正，处五万元以下的罚款");
            assertThat(d.path("summary").asText()).startsWith("《安全生产法》第99条第4项：已当场改正；对单位罚款0元至15000元");
        });
        ResponseEntity<JsonNode> english =
                get("/api/v1/enterprises/" + plant.code() + "/enforcement-decisions", own, "en");
        assertThat(english.getBody().get(0).path("summary").asText())
                .startsWith("Work Safety Law Art. 99 item 4: corrected on the spot; fine for the unit 0 to 15000 yuan,"
                        + " lenient band");

        ResponseEntity<JsonNode> theirs =
                http.get("/api/v1/enterprises/" + neighbour.code() + "/enforcement-decisions", own);
        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("/api/v1/enterprises/" + neighbour.code() + "/enforcement-decisions", INSPECTOR)
                        .getBody())
                .singleElement()
                .satisfies(d -> assertThat(d.path("band").path("name").asText()).isEqualTo("SEVERE"));
        assertThat(http.get("/api/v1/tasks/1/enforcement-decisions", own).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aWhatIfAnswersPerArticleAndBandAndKeepsNothing() {
        assertWhatIf(
                "{\"article\": 97, \"item\": 1, \"history\": \"FIRST\", \"correction\": \"BY_DEADLINE\"}",
                "ORDINARY",
                0,
                100000,
                30000,
                70000);
        assertWhatIf(
                "{\"article\": 99, \"item\": 8, \"history\": \"FIRST\", \"correction\": \"ON_THE_SPOT\"}",
                "LENIENT",
                0,
                50000,
                0,
                15000);
        assertWhatIf(
                "{\"article\": 101, \"item\": 5, \"history\": \"FIRST\", \"correction\": \"OVERDUE\"}",
                "SEVERE",
                100000,
                200000,
                170000,
                200000);
        assertWhatIf(
                "{\"article\": 102, \"history\": \"FIRST\", \"correction\": \"BY_DEADLINE\","
                        + " \"mitigating\": [\"ELIMINATED_HARM\"]}",
                "LENIENT",
                0,
                50000,
                0,
                15000);
        assertWhatIf(
                "{\"article\": 112, \"history\": \"FIRST\", \"correction\": \"REFUSED\", \"originalFine\": 20000}",
                "SEVERE",
                20000,
                20000,
                20000,
                20000);
        assertWhatIf(
                "{\"article\": 114, \"history\": \"FIRST\", \"correction\": \"BY_DEADLINE\","
                        + " \"accidentGrade\": \"MAJOR\", \"especiallySerious\": true}",
                "ORDINARY",
                4000000,
                50000000,
                17800000,
                36200000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enforcement_decisions", Integer.class))
                .isZero();
    }

    @Test
    void neighbouringBandsMeetAtThirtyPercentOfTheLegalRange() {
        JsonNode lenient =
                whatIf("{\"article\": 99, \"item\": 2, \"history\": \"FIRST\", \"correction\":" + " \"ON_THE_SPOT\"}");
        JsonNode ordinary =
                whatIf("{\"article\": 99, \"item\": 2, \"history\": \"FIRST\", \"correction\":" + " \"BY_DEADLINE\"}");
        JsonNode severe = whatIf(
                "{\"article\": 99, \"item\": 2, \"history\": \"REPEAT_12M\", \"correction\":" + " \"BY_DEADLINE\"}");
        assertThat(lenient.path("band").path("unitFine").path("max").asLong())
                .isEqualTo(ordinary.path("band").path("unitFine").path("min").asLong())
                .isEqualTo(15000);
        assertThat(ordinary.path("band").path("unitFine").path("max").asLong())
                .isEqualTo(severe.path("band").path("unitFine").path("min").asLong())
                .isEqualTo(35000);
        assertThat(severe.path("band").path("unitFine").path("max").asLong()).isEqualTo(50000);
    }

    @Test
    void badCircumstancesAreRefusedByNameAndLeaveTheTaskAsItWas() {
        ResponseEntity<JsonNode> unknown = http.post(
                "/api/v1/enforcement/what-if",
                INSPECTOR,
                "{\"article\": 96, \"item\": 1, \"history\": \"FIRST\", \"correction\": \"BY_DEADLINE\"}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:unknown-violation");
        assertThat(unknown.getBody().path("article").asInt()).isEqualTo(96);

        ResponseEntity<JsonNode> missing = http.post(
                "/api/v1/enforcement/what-if", INSPECTOR, "{\"article\": 114, \"correction\": \"BY_DEADLINE\"}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(missing.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:missing-circumstances");
        assertThat(missing.getBody().path("missing"))
                .extracting(JsonNode::asText)
                .containsExactly("history");
        ResponseEntity<JsonNode> noGrade = http.post(
                "/api/v1/enforcement/what-if",
                INSPECTOR,
                "{\"article\": 114, \"history\": \"FIRST\", \"correction\": \"BY_DEADLINE\"}");
        assertThat(noGrade.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noGrade.getBody().path("missing"))
                .extracting(JsonNode::asText)
                .containsExactly("accidentGrade");

        ResponseEntity<JsonNode> badCode = http.post(
                "/api/v1/enforcement/what-if",
                INSPECTOR,
                "{\"article\": 97, \"item\": 1, \"history\": \"OFTEN\", \"correction\": \"BY_DEADLINE\"}");
        assertThat(badCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCode.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("history");

        assertThat(http.post(
                                "/api/v1/enforcement/what-if",
                                TestTokens.enterprise(plant.code()),
                                "{\"article\": 97, \"item\": 1, \"history\": \"FIRST\", \"correction\": \"BY_DEADLINE\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        long task = claimedTask(plant, "inspection:enf-4");
        ResponseEntity<JsonNode> refused = http.post(
                "/api/v1/tasks/" + task + "/result",
                DISPATCH,
                """
                {"inspectedOn": "%s",
                 "violations": [
                   {"description": "特种作业无证上岗",
                    "circumstances": {"article": 97, "item": 7, "history": "FIRST", "correction": "BY_DEADLINE"}},
                   {"description": "事故", "circumstances": {"article": 114, "history": "FIRST",
                    "correction": "BY_DEADLINE"}}]}
                """
                        .formatted(today));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("missing"))
                .extracting(JsonNode::asText)
                .containsExactly("violations[1].circumstances.accidentGrade");
        assertThat(http.get("/api/v1/tasks/" + task, DISPATCH)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("CLAIMED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM violations WHERE enterprise_id = ?", Integer.class, plant.id()))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enforcement_decisions", Integer.class))
                .isZero();
    }

    private void assertWhatIf(String circumstances, String band, long min, long max, long bandMin, long bandMax) {
        JsonNode decision = whatIf(circumstances);
        assertThat(decision.path("id").asText(null)).as("not kept").isNull();
        assertThat(decision.path("band").path("name").asText())
                .as(circumstances)
                .isEqualTo(band);
        assertThat(decision.path("measures").path("unitFine").path("min").asLong())
                .as(circumstances)
                .isEqualTo(min);
        assertThat(decision.path("measures").path("unitFine").path("max").asLong())
                .as(circumstances)
                .isEqualTo(max);
        assertThat(decision.path("band").path("unitFine").path("min").asLong())
                .as(circumstances)
                .isEqualTo(bandMin);
        assertThat(decision.path("band").path("unitFine").path("max").asLong())
                .as(circumstances)
                .isEqualTo(bandMax);
        assertThat(decision.path("legalBasis")).as(circumstances).isNotEmpty();
        assertThat(decision.path("reasons")).as(circumstances).isNotEmpty();
        assertThat(decision.path("provenance").path("rules")).as(circumstances).isNotEmpty();
    }

    private JsonNode whatIf(String circumstances) {
        ResponseEntity<JsonNode> answer = http.post("/api/v1/enforcement/what-if", INSPECTOR, circumstances);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private void complete(long task, String circumstances) {
        ResponseEntity<JsonNode> completed = http.post(
                "/api/v1/tasks/" + task + "/result",
                DISPATCH,
                "{\"inspectedOn\": \"%s\", \"violations\": [{\"description\": \"现场发现\", \"circumstances\": %s}]}"
                        .formatted(today, circumstances));
        assertThat(completed.getStatusCode())
                .as(String.valueOf(completed.getBody()))
                .isEqualTo(HttpStatus.OK);
    }

    private long claimedTask(Province.Enterprise enterprise, String trigger) {
        long id = transactions
                .execute(status -> tasks.open(new NewTask(
                        "ENFORCEMENT_INSPECTION",
                        new NewTask.Subject(enterprise.id(), null),
                        new NewTask.Cause("RANDOM_INSPECTION", trigger),
                        new NewTask.Terms(3, today, today.plusDays(10), null, false),
                        NewTask.Decision.byRule(engine.active().version().hash(), anyRule()))))
                .orElseThrow();
        assertThat(http.post("/api/v1/tasks/" + id + "/claim", DISPATCH, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        return id;
    }

    private FiredRule anyRule() {
        RuleRef rule = engine.active().rules().get(0);
        return new FiredRule(rule.name(), rule.origin(), rule.ordinal());
    }

    private ResponseEntity<JsonNode> get(String path, String token, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}

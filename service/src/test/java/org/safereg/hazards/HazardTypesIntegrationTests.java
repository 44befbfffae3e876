package org.safereg.hazards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.rulesets.RuleSetApi;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every hazard is classified into hazard types when it is stored, with the words and rows that did it. */
@IntegrationTest
class HazardTypesIntegrationTests {

    private static final String INSPECTOR = TestTokens.token("inspector-7", List.of("INSPECTOR"), null);
    private static final String FILE = "decision-tables/hazard-types.xlsx";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    HazardClassificationBackfill backfill;

    private Http http;
    private RuleSetApi ruleSets;
    private String inForce;
    private Province.Enterprise plant;
    private LocalDate today;

    @BeforeEach
    void aChemicalPlant() {
        Province province = Province.reset(jdbc, redis);
        plant = province.enterprise("分类化工有限公司", "HAZARDOUS_CHEMICALS", "VALID");
        http = new Http(rest);
        ruleSets = new RuleSetApi(rest);
        inForce = ruleSets.versionInForce();
        today = LocalDate.now();
    }

    @AfterEach
    void theRuleSetInForceIsUntouched() {
        assertThat(ruleSets.versionInForce()).isEqualTo(inForce);
    }

    @Test
    void aDescriptionIsStoredWithItsTypesAndANegatedPhraseDoesNotCount() {
        JsonNode hazard =
                record("SELF_CHECK", "GENERAL", "储罐区可燃气体检测报警仪未定期检测，现场未发现消防通道堵塞", TestTokens.enterprise(plant.code()));

        assertThat(types(hazard)).containsExactlyInAnyOrder("GAS_DETECTION", "TESTING_OVERDUE");
        JsonNode testing = type(hazard, "TESTING_OVERDUE");
        assertThat(testing.path("name").asText()).isEqualTo("未定期检测检验");
        assertThat(testing.path("words").asText()).isEqualTo("未定期检测");
        assertThat(testing.path("grade").asText()).isEqualTo("GENERAL");
        assertThat(testing.path("rule").path("file").asText()).isEqualTo(FILE);
        assertThat(testing.path("rule").path("table").asText()).isEqualTo("Hazard types");
        assertThat(hazard.path("suggestedGrade").asText()).isEqualTo("GENERAL");
        // the provenance names the version in force and, beside the matching rows, the negation row that struck
        // the blocked fire lane
        JsonNode classification = hazard.path("classification");
        assertThat(classification.path("ruleSetVersion").asText()).isEqualTo(inForce);
        List<String> tables = new ArrayList<>();
        classification.path("rules").forEach(r -> tables.add(r.path("table").asText()));
        assertThat(tables).contains("Hazard types", "Negation words");
        assertThat(hazard.path("screening").isMissingNode()
                        || hazard.path("screening").isNull())
                .isTrue();

        // stored in MySQL, and listed with them
        assertThat(jdbc.queryForList(
                        "SELECT type_code FROM hazard_types_view WHERE hazard_id = ? ORDER BY type_code",
                        String.class,
                        hazard.path("id").asLong()))
                .containsExactly("GAS_DETECTION", "TESTING_OVERDUE");
        JsonNode listed = http.get("/api/v1/hazards?enterprise=" + plant.code(), INSPECTOR)
                .getBody();
        assertThat(types(listed.path("items").get(0))).containsExactlyInAnyOrder("GAS_DETECTION", "TESTING_OVERDUE");
    }

    @Test
    void theSamePhraseAfterItWasDoneCountsForNothing() {
        JsonNode done = record("DEPARTMENT_VERIFICATION", "GENERAL", "储罐区可燃气体检测报警仪已定期检测，检定合格", INSPECTOR);
        assertThat(done.path("types")).isEmpty();
        assertThat(done.path("suggestedGrade").asText()).isEqualTo("GENERAL");
        assertThat(done.path("classification").path("ruleSetVersion").asText()).isEqualTo(inForce);
    }

    @Test
    void aHazardImportedStraightIntoMySqlIsClassifiedAndScreenedByTheBackfill() {
        plant.hazard("GENERAL", "特种作业人员无证上岗", today.plusDays(10), null);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM hazards", Long.class);
        jdbc.update("UPDATE hazards SET source = 'SELF_CHECK' WHERE id = ?", id);

        backfill.classifyWaiting();
        backfill.classifyWaiting();

        JsonNode hazard = http.get("/api/v1/hazards/" + id, INSPECTOR).getBody();
        assertThat(types(hazard)).containsExactly("UNCERTIFIED_WORK");
        assertThat(hazard.path("screening").path("criterion").asText()).isEqualTo("HC-2");
        assertThat(hazard.path("screening").path("words").asText()).isEqualTo("无证上岗");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM hazard_classifications WHERE hazard_id = ?", Integer.class, id))
                .isOne();
    }

    @Test
    void aBrokenHazardTypesWorkbookIsRefusedAtItsCellAndTheVersionInForceStays() {
        // a grade that is neither GENERAL nor MAJOR typed into the first rule row (HC-2)
        byte[] broken = RuleSetApi.edited("hazard-types.xlsx", RuleSetApi.set("Hazard types", "F25", "SEVERE"));

        ResponseEntity<JsonNode> answer =
                ruleSets.upload(TestTokens.policyAdmin(), "a grade typo", Map.of("hazard-types.xlsx", broken));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:rule-set-rejected");
        JsonNode problem = answer.getBody().path("problems").get(0);
        assertThat(problem.path("file").asText()).isEqualTo(FILE);
        assertThat(problem.path("sheet").asText()).isEqualTo("Hazard types");
        assertThat(problem.path("location").asText()).isEqualTo(FILE + ", sheet 'Hazard types', cell F25");
        assertThat(problem.path("cellText").asText()).isEqualTo("SEVERE");
        assertThat(problem.path("message").asText()).contains("SEVERE cannot be resolved");
        assertThat(problem.path("messageZh").asText()).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "SELECT state FROM rule_sets WHERE version = ?",
                        String.class,
                        answer.getBody().path("version").asText()))
                .isEqualTo("REJECTED");
    }

    private JsonNode record(String source, String grade, String description, String token) {
        ResponseEntity<JsonNode> created = http.post(
                "/api/v1/hazards",
                token,
                Map.of(
                        "enterprise",
                        plant.code(),
                        "source",
                        source,
                        "grade",
                        grade,
                        "description",
                        description,
                        "foundOn",
                        today.toString(),
                        "deadline",
                        today.plusDays(20).toString()));
        assertThat(created.getStatusCode())
                .as(String.valueOf(created.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private static List<String> types(JsonNode hazard) {
        List<String> types = new ArrayList<>();
        hazard.path("types").forEach(t -> types.add(t.path("type").asText()));
        return types;
    }

    private static JsonNode type(JsonNode hazard, String code) {
        for (JsonNode t : hazard.path("types")) {
            if (t.path("type").asText().equals(code)) {
                return t;
            }
        }
        throw new AssertionError("no type " + code + " in " + hazard);
    }
}

package org.safereg.hazards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.ClockControl;
import org.safereg.support.FactsChangedRecorder;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.MutableClock;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
@Import({ClockControl.class, FactsChangedRecorder.class})
class HazardsIntegrationTests {

    private static final String INSPECTOR = TestTokens.token("inspector-7", List.of("INSPECTOR"), null);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MutableClock clock;

    @Autowired
    FactsChangedRecorder facts;

    @Autowired
    HazardDeadlines deadlines;

    private Http http;
    private Province.Enterprise plant;
    private Province.Enterprise neighbour;
    private LocalDate today;

    @BeforeEach
    void twoEnterprises() {
        clock.reset();
        Province province = Province.reset(jdbc, redis);
        plant = province.enterprise("隐患化工有限公司", "HAZARDOUS_CHEMICALS", "VALID");
        neighbour = province.enterprise("邻居化工有限公司", "HAZARDOUS_CHEMICALS", "VALID");
        http = new Http(rest);
        today = LocalDate.now(clock);
        facts.clear();
    }

    @Test
    void anEnterpriseRecordsItsOwnSelfCheckAndSeesItButItsNeighbourDoesNot() {
        ResponseEntity<JsonNode> created = http.post(
                "/api/v1/hazards",
                TestTokens.enterprise(plant.code()),
                """
                {"enterprise": "%s", "source": "SELF_CHECK", "grade": "GENERAL", "description": "消防通道堵塞",
                 "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(plant.code(), today.minusDays(1), today.plusDays(6)));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode hazard = created.getBody();
        assertThat(hazard.path("state").asText()).isEqualTo("OPEN");
        assertThat(hazard.path("overdue").asBoolean()).isFalse();
        assertThat(hazard.path("recordedBy").asText()).isEqualTo("enterprise-" + plant.code());
        long id = hazard.path("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/hazards/" + id);

        JsonNode own =
                http.get("/api/v1/hazards", TestTokens.enterprise(plant.code())).getBody();
        assertThat(own.path("items")).hasSize(1);
        assertThat(http.get("/api/v1/hazards/" + id, TestTokens.enterprise(neighbour.code()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.get("/api/v1/hazards", TestTokens.enterprise(neighbour.code()))
                        .getBody()
                        .path("items"))
                .isEmpty();
        assertThat(facts.events()).contains(HazardsChanged.of(plant.id()));
    }

    @Test
    void atMidnightAHazardLeftPastItsDeadlineMovesItsEnterprisesRiskWithoutAnyoneAsking() throws InterruptedException {
        plant.hazard("MAJOR", "储罐区可燃气体报警器失效", today.minusDays(1), null);
        neighbour
                .hazard("MAJOR", "特种作业无证上岗", today.minusDays(1), today.minusDays(2))
                .hazard("MAJOR", "消防水池液位不足", today, null);

        deadlines.announceNewlyOverdue();

        // the rectified hazard and the one due today are not overdue: only the plant is announced (its credit,
        // re-evaluated on the announcement, announces its own change)
        assertThat(facts.events())
                .filteredOn(event -> event instanceof HazardsChanged)
                .containsExactly(HazardsChanged.of(plant.id()));
        JsonNode risk = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            ResponseEntity<JsonNode> answer = http.get("/api/v1/enterprises/" + plant.code() + "/risk", INSPECTOR);
            if (answer.getStatusCode() == HttpStatus.OK) {
                risk = answer.getBody();
                break;
            }
            Thread.sleep(100);
        }
        assertThat(risk)
                .as("the plant's risk level, recomputed after the announcement")
                .isNotNull();
        assertThat(risk.path("level").asText()).isEqualTo("RED");
        assertThat(risk.path("reasons").get(0).path("detail").asText()).isEqualTo("1 overdue major hazard");
    }

    @Test
    void anEnterpriseMayNotRecordForAnotherOrAsAPlatformScreening() {
        ResponseEntity<JsonNode> forNeighbour = http.post(
                "/api/v1/hazards",
                TestTokens.enterprise(plant.code()),
                """
                {"enterprise": "%s", "source": "SELF_CHECK", "grade": "GENERAL", "description": "标识模糊",
                 "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(neighbour.code(), today, today.plusDays(3)));
        ResponseEntity<JsonNode> screening = http.post(
                "/api/v1/hazards",
                TestTokens.enterprise(plant.code()),
                """
                {"enterprise": "%s", "source": "PLATFORM_SCREENING", "grade": "GENERAL", "description": "标识模糊",
                 "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(plant.code(), today, today.plusDays(3)));

        assertThat(forNeighbour.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(screening.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(screening.getBody().path("detail").asText()).contains("SELF_CHECK");
        assertThat(hazardRows()).isZero();
    }

    @Test
    void badHazardsAreRefusedFieldByFieldAndNothingIsWritten() {
        String deadlineFirst =
                """
                {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "GENERAL", "description": "设备老化",
                 "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(plant.code(), today, today.minusDays(1));
        String majorTooLong =
                """
                {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "MAJOR", "description": "设备老化",
                 "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(plant.code(), today, today.plusYears(1).plusDays(1));
        String future =
                """
                {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "GENERAL", "description": "设备老化",
                 "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(plant.code(), today.plusDays(1), today.plusDays(5));
        String unknownGrade =
                """
                {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "SEVERE", "description": "设备老化",
                 "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(plant.code(), today, today.plusDays(5));
        String missing =
                """
                {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "GENERAL"}
                """
                        .formatted(plant.code());
        String unknownEnterprise =
                """
                {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "GENERAL", "description": "设备老化",
                 "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(Province.unknownCode(), today, today.plusDays(5));

        assertInvalid(http.post("/api/v1/hazards", INSPECTOR, deadlineFirst), "deadline", "before the day");
        assertInvalid(http.post("/api/v1/hazards", INSPECTOR, majorTooLong), "deadline", "at most one year");
        assertInvalid(http.post("/api/v1/hazards", INSPECTOR, future), "foundOn", "after today");
        ResponseEntity<JsonNode> grade = http.post("/api/v1/hazards", INSPECTOR, unknownGrade);
        assertThat(grade.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(grade.getBody().path("detail").asText()).contains("GENERAL, MAJOR");
        ResponseEntity<JsonNode> absent = http.post("/api/v1/hazards", INSPECTOR, missing);
        assertThat(absent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(absent.getBody().path("errors").findValuesAsText("field"))
                .contains("description", "foundOn", "deadline");
        assertInvalid(http.post("/api/v1/hazards", INSPECTOR, unknownEnterprise), "enterprise", "no enterprise");
        assertThat(hazardRows()).isZero();
    }

    @Test
    void aRectificationIsVerifiedByAnInspectorOnlyAfterItIsRecorded() {
        long id = recordMajor(today.minusDays(20), today.plusDays(10));
        String owner = TestTokens.enterprise(plant.code());

        ResponseEntity<JsonNode> early = http.post(
                "/api/v1/hazards/" + id + "/verification",
                INSPECTOR,
                """
                {"verifiedOn": "%s"}""".formatted(today));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:conflict");

        ResponseEntity<JsonNode> rectified = http.post(
                "/api/v1/hazards/" + id + "/rectification",
                owner,
                """
                {"rectifiedOn": "%s"}""".formatted(today.minusDays(2)));
        assertThat(rectified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rectified.getBody().path("state").asText()).isEqualTo("RECTIFIED");
        assertThat(http.post(
                                "/api/v1/hazards/" + id + "/rectification",
                                owner,
                                """
                        {"rectifiedOn": "%s"}""".formatted(today))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(http.post(
                                "/api/v1/hazards/" + id + "/verification",
                                owner,
                                """
                        {"verifiedOn": "%s"}""".formatted(today))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertInvalid(
                http.post(
                        "/api/v1/hazards/" + id + "/verification",
                        INSPECTOR,
                        """
                        {"verifiedOn": "%s"}""".formatted(today.minusDays(3))),
                "verifiedOn",
                "before the rectification");

        JsonNode verified = http.post(
                        "/api/v1/hazards/" + id + "/verification",
                        INSPECTOR,
                        """
                        {"verifiedOn": "%s"}""".formatted(today))
                .getBody();
        assertThat(verified.path("state").asText()).isEqualTo("VERIFIED");
        assertThat(verified.path("verifiedBy").asText()).isEqualTo("inspector-7");
        assertThat(verified.path("verifiedOn").asText()).isEqualTo(today.toString());
    }

    @Test
    void aRectificationBeforeTheHazardWasFoundIsRefusedAndTheHazardStaysOpen() {
        long id = recordMajor(today.minusDays(5), today.plusDays(10));

        assertInvalid(
                http.post(
                        "/api/v1/hazards/" + id + "/rectification",
                        INSPECTOR,
                        """
                        {"rectifiedOn": "%s"}""".formatted(today.minusDays(6))),
                "rectifiedOn",
                "before the day");
        assertThat(http.get("/api/v1/hazards/" + id, INSPECTOR)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("OPEN");
    }

    @Test
    void anOverdueMajorHazardLowersTheEnterprisesCreditAtOnce() {
        recordMajor(today.minusDays(60), today.minusDays(30));

        Integer due = jdbc.queryForObject(
                "SELECT COUNT(*) FROM credit_results WHERE enterprise_id = ? AND measures LIKE '%\"majorHazardsDue\":1%'",
                Integer.class, plant.id());
        assertThat(due).isOne();
        JsonNode credit = http.get("/api/v1/enterprises/" + plant.code() + "/credit", INSPECTOR)
                .getBody();
        assertThat(credit.path("indicators").toString()).contains("MAJOR_HAZARD_RECTIFICATION");
    }

    @Test
    void listingFiltersByGradeAndOverdue() {
        recordMajor(today.minusDays(60), today.minusDays(30));
        recordMajor(today.minusDays(1), today.plusDays(30));

        JsonNode overdue =
                http.get("/api/v1/hazards?overdue=true&grade=MAJOR", INSPECTOR).getBody();
        assertThat(overdue.path("items")).hasSize(1);
        assertThat(overdue.path("items").get(0).path("overdue").asBoolean()).isTrue();
        ResponseEntity<JsonNode> badGrade = http.get("/api/v1/hazards?grade=SEVERE", INSPECTOR);
        assertThat(badGrade.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private long recordMajor(LocalDate found, LocalDate deadline) {
        ResponseEntity<JsonNode> created = http.post(
                "/api/v1/hazards",
                INSPECTOR,
                """
                {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "MAJOR",
                 "description": "特种作业无证上岗", "foundOn": "%s", "deadline": "%s"}
                """
                        .formatted(plant.code(), found, deadline));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asLong();
    }

    private int hazardRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hazards", Integer.class);
    }

    private static void assertInvalid(ResponseEntity<JsonNode> response, String field, String message) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:invalid-input");
        assertThat(response.getBody().path("errors").findValuesAsText("field")).contains(field);
        assertThat(response.getBody().path("detail").asText()).contains(message);
    }
}

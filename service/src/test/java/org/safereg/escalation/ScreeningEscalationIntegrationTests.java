package org.safereg.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.ClockControl;
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

/**
 * Platform screening (平台筛查): a self-check the enterprise graded general whose description matches a
 * major-hazard criterion of hazard-types.xlsx is flagged, and the flag is escalated like any situation until a
 * department verifies it (部门核查).
 */
@IntegrationTest
@Import(ClockControl.class)
class ScreeningEscalationIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MutableClock clock;

    @Autowired
    Escalation escalation;

    private Http http;
    private Province.Enterprise plant;
    private LocalDate today;

    @BeforeEach
    void aChemicalPlant() {
        clock.reset();
        Province province = Province.reset(jdbc, redis);
        today = LocalDate.now(clock);
        plant = province.enterprise("筛查化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(today.getYear(), 40, 40)
                .training(today.getYear() - 1, 40, 40)
                .drill(today.minusMonths(2), true);
        http = new Http(rest);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aGeneralSelfCheckMatchingHc12IsFlaggedWithItsRowAndWordsAndEscalatedUntilVerified() {
        JsonNode hazard = selfCheck("GENERAL", "液氨储罐区未设置有毒气体检测报警装置");
        long id = hazard.path("id").asLong();

        JsonNode screening = hazard.path("screening");
        assertThat(screening.path("criterion").asText()).isEqualTo("HC-12");
        assertThat(screening.path("type").asText()).isEqualTo("GAS_DETECTION");
        assertThat(screening.path("words").asText()).isEqualTo("未设置…报警");
        assertThat(screening.path("rule").path("file").asText()).isEqualTo("decision-tables/hazard-types.xlsx");
        assertThat(screening.path("rule").path("sheet").asText()).isEqualTo("Hazard types");
        assertThat(screening.path("rule").path("rule").asText()).isNotBlank();
        assertThat(screening.path("resolution").isMissingNode()
                        || screening.path("resolution").isNull())
                .isTrue();
        assertThat(hazard.path("suggestedGrade").asText()).isEqualTo("MAJOR");
        assertThat(hazard.path("grade").asText()).isEqualTo("GENERAL");

        escalation.run();
        escalation.run();

        assertThat(jdbc.queryForList("SELECT recipient FROM notifications WHERE hazard_id = ?", String.class, id))
                .containsExactly("COUNTY");
        String message = jdbc.queryForObject("SELECT message FROM notifications WHERE hazard_id = ?", String.class, id);
        assertThat(message).contains("HC-12", "未设置…报警");
        List<Map<String, Object>> tasks = jdbc.queryForList("SELECT t.*, r.sheet AS rule_sheet, r.rule_table"
                + " FROM enforcement_tasks t LEFT JOIN rule_set_rules r ON r.version = t.rule_set_version"
                + " AND r.ordinal = t.deciding_rule");
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.get("type")).isEqualTo("ON_SITE_INSPECTION");
            assertThat(task.get("reason")).isEqualTo("SUSPECTED_MAJOR_HAZARD");
            assertThat(task.get("trigger_ref")).isEqualTo("screening:" + id);
            assertThat(task.get("legal_basis")).isEqualTo("WSL-41");
            assertThat(task.get("rule_table")).isEqualTo("Platform screening tasks");
        });

        // three days unverified: the city hears of it
        clock.advance(Duration.ofHours(72));
        escalation.run();
        assertThat(jdbc.queryForList("SELECT recipient FROM notifications WHERE hazard_id = ?", String.class, id))
                .containsExactlyInAnyOrder("COUNTY", "CITY");

        // the department confirms it: the hazard is major now and the flag escalates no further
        ResponseEntity<JsonNode> confirmed = http.post(
                "/api/v1/hazards/" + id + "/screening-verification",
                TestTokens.token("inspector-7", List.of("INSPECTOR"), null),
                Map.of("resolution", "CONFIRMED"));
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody().path("grade").asText()).isEqualTo("MAJOR");
        assertThat(confirmed.getBody().path("screening").path("resolution").asText())
                .isEqualTo("CONFIRMED");
        assertThat(confirmed.getBody().path("screening").path("resolvedBy").asText())
                .isEqualTo("inspector-7");
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM notifications", Integer.class);
        clock.advance(Duration.ofHours(1));
        escalation.run();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notifications", Integer.class))
                .isEqualTo(before);
        ResponseEntity<JsonNode> again = http.post(
                "/api/v1/hazards/" + id + "/screening-verification",
                TestTokens.token("inspector-7", List.of("INSPECTOR"), null),
                Map.of("resolution", "DISMISSED"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theSameWordsGradedMajorByTheEnterpriseOrNegatedAreNotFlagged() {
        JsonNode major = selfCheck("MAJOR", "液氨储罐区未设置有毒气体检测报警装置");
        JsonNode negated = selfCheck("GENERAL", "经检查，液氨储罐区不存在未设置有毒气体检测报警装置的情况");
        JsonNode compliant = selfCheck("GENERAL", "液氨储罐区已按标准设置有毒气体检测报警装置");

        assertThat(major.path("screening").isMissingNode()
                        || major.path("screening").isNull())
                .isTrue();
        assertThat(major.path("types").get(0).path("criterion").asText()).isEqualTo("HC-12");
        assertThat(negated.path("screening").isMissingNode()
                        || negated.path("screening").isNull())
                .isTrue();
        assertThat(negated.path("types")).isEmpty();
        assertThat(compliant.path("types")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hazard_screening_flags", Integer.class))
                .isZero();

        escalation.run();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enforcement_tasks", Integer.class))
                .isZero();
    }

    private JsonNode selfCheck(String grade, String description) {
        ResponseEntity<JsonNode> created = http.post(
                "/api/v1/hazards",
                TestTokens.enterprise(plant.code()),
                Map.of(
                        "enterprise",
                        plant.code(),
                        "source",
                        "SELF_CHECK",
                        "grade",
                        grade,
                        "description",
                        description,
                        "foundOn",
                        today.toString(),
                        "deadline",
                        today.plusDays(20).toString()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }
}

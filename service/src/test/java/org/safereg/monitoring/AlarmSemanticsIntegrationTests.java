package org.safereg.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** What an alarm means to the regulator on duty, case by case. */
@IntegrationTest
class AlarmSemanticsIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private Api api;
    private String plant;
    private Instant t0;

    @BeforeEach
    void aPlant() {
        Province province = Province.reset(jdbc, redis);
        plant = province.enterprise("语义化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        api = new Api(http);
        t0 = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void clean() {
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void aRelapseBeforeTheAcknowledgementIsRecordedWithItsValue() {
        String gas = gasDetector();
        push(gas, 0, 30);
        push(gas, 30, 30);
        assertThat(event(push(gas, 60, 0))).isEqualTo("NORMAL");

        JsonNode relapse = push(gas, 90, 40);

        assertThat(event(relapse)).isEqualTo("RELAPSED");
        Map<String, Object> alarm = jdbc.queryForMap(
                "SELECT a.state, a.normal_at, a.reading_value FROM alarms a JOIN monitoring_points p ON p.id = a.point_id"
                        + " WHERE p.code = ?",
                gas);
        assertThat(alarm.get("normal_at")).isNull();
        assertThat(((Number) alarm.get("reading_value")).doubleValue()).isEqualTo(40.0);
        assertThat(alarm).containsEntry("state", "RAISED");
    }

    @Test
    void oxygenEnrichmentAfterDeficiencyIsAnAlarmOfItsOwn() {
        String oxygen = api.detector("O2", plant, "OXYGEN", "%VOL", null);
        push(oxygen, 0, 19.0, "%VOL");
        push(oxygen, 30, 19.0, "%VOL");

        JsonNode enriched = push(oxygen, 60, 24.0, "%VOL");

        assertThat(enriched.path("alarms").findValuesAsText("event")).containsExactly("CLEARED", "RAISED");
        List<Map<String, Object>> alarms = jdbc.queryForList(
                "SELECT a.episode, a.state, a.threshold FROM alarms a JOIN monitoring_points p ON p.id = a.point_id"
                        + " WHERE p.code = ? ORDER BY a.episode",
                oxygen);
        assertThat(alarms).hasSize(2);
        assertThat(alarms.get(0)).containsEntry("state", "CLEARED");
        assertThat(((Number) alarms.get(0).get("threshold")).doubleValue()).isEqualTo(19.5);
        assertThat(alarms.get(1)).containsEntry("state", "RAISED");
        assertThat(((Number) alarms.get(1).get("threshold")).doubleValue()).isEqualTo(23.5);
    }

    @Test
    void aBatchSentAgainIsAnsweredDuplicateItemByItem() {
        String gas = gasDetector();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(Map.of(
                    "sensor",
                    gas,
                    "value",
                    10 + i,
                    "unit",
                    "%LEL",
                    "at",
                    t0.plusSeconds(10L * i).toString()));
        }
        api.post("/api/v1/readings", Api.GATEWAY, Map.of("readings", batch));

        JsonNode again = api.post("/api/v1/readings", Api.GATEWAY, Map.of("readings", batch))
                .getBody();

        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("rejected").findValuesAsText("reason"))
                .containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE");
    }

    @Test
    void aPointNoThresholdCoversIsRefusedNamingTheCoveredClasses() {
        ResponseEntity<JsonNode> refused = api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(
                        Api.uniqueCode("FX"),
                        plant,
                        "FIXED_GAS_DETECTOR",
                        "COMBUSTIBLE_GAS",
                        "%LEL",
                        null,
                        null,
                        null));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String detail = refused.getBody().toString();
        assertThat(detail)
                .contains("equipmentType")
                .contains("FIXED_GAS_DETECTOR")
                .contains("GAS_DETECTOR");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring_points", Integer.class))
                .isZero();
    }

    @Test
    void aPointCodeThatCannotBeAddressedIsRefused() {
        for (String code : List.of("../../x", ".hidden", "a/b", "a..b")) {
            ResponseEntity<JsonNode> refused = api.registerPoint(
                    TestTokens.policyAdmin(),
                    Api.point(code, plant, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, null));
            assertThat(refused.getStatusCode()).as(code).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().toString()).as(code).contains("code");
        }
        assertThat(api.registerPoint(
                                TestTokens.policyAdmin(),
                                Api.point(
                                        Api.uniqueCode("PLANT-1:GT.01"),
                                        plant,
                                        "GAS_DETECTOR",
                                        "COMBUSTIBLE_GAS",
                                        "%LEL",
                                        null,
                                        null,
                                        null))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private String gasDetector() {
        return api.gasDetector("SM", plant, null);
    }

    private static String event(JsonNode answer) {
        return Api.firstEvent(answer);
    }

    private JsonNode push(String sensor, double secondsAfterStart, double value) {
        return push(sensor, secondsAfterStart, value, "%LEL");
    }

    private JsonNode push(String sensor, double secondsAfterStart, double value, String unit) {
        return api.taken(sensor, t0.plusMillis((long) (secondsAfterStart * 1000)), value, unit);
    }
}

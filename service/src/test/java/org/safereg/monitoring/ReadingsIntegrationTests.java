package org.safereg.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

@IntegrationTest
class ReadingsIntegrationTests {

    private static final String GATEWAY = TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null);
    private static final String REGULATOR = TestTokens.token("duty-officer", List.of("REGULATOR"), null);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private Api api;
    private String chemicals;
    private String other;
    private String gas;
    private Instant t0;

    @BeforeEach
    void aChemicalPlantWithAGasDetector() {
        Province province = Province.reset(jdbc, redis);
        chemicals =
                province.enterprise("报警化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        other = province.enterprise("邻居化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        api = new Api(http);
        gas = Api.uniqueCode("GT");
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(gas, chemicals, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, "U-100"));
        t0 = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Other test classes empty the enterprises table, which these rows refer to. */
    @AfterEach
    void removeMonitoringRows() {
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void aReadingAtTheLevel2SetpointRaisesOneExplainedAlarmAndOneJustBelowRaisesNone() {
        JsonNode below = push(reading(gas, 0, 24.99)).getBody();
        JsonNode at = push(reading(gas, 10, 50)).getBody();

        assertThat(below.path("accepted").asInt()).isEqualTo(1);
        assertThat(below.path("alarms")).isEmpty();
        assertThat(at.path("alarms")).hasSize(1);
        JsonNode alarm = onlyAlarm(gas);
        assertThat(alarm.path("level").asInt()).isEqualTo(2);
        assertThat(alarm.path("colour").asText()).isEqualTo("ORANGE");
        assertThat(alarm.path("state").asText()).isEqualTo("RAISED");
        assertThat(alarm.path("threshold").asDouble()).isEqualTo(50.0);
        assertThat(alarm.path("ruleSetVersion").asText()).hasSize(64);
        assertThat(alarm.path("rule").path("file").asText()).isEqualTo("decision-tables/alarm-thresholds.xlsx");
        assertThat(alarm.path("rule").path("sheet").asText()).isEqualTo("Alarm thresholds");
        assertThat(alarm.path("rule").path("name").asText()).isNotBlank();
        assertThat(alarm.path("rule").path("row").asInt()).isPositive();
        // the same rule as every decision names it: the version and the rules that fired, with their table
        JsonNode provenance = alarm.path("provenance");
        assertThat(provenance.path("ruleSetVersion").asText())
                .isEqualTo(alarm.path("ruleSetVersion").asText());
        assertThat(provenance.path("rules")).hasSize(1);
        assertThat(provenance.path("rules").get(0).path("rule").asText())
                .isEqualTo(alarm.path("rule").path("name").asText());
        assertThat(provenance.path("rules").get(0).path("row").asInt())
                .isEqualTo(alarm.path("rule").path("row").asInt());
        assertThat(provenance.path("rules").get(0).path("table").asText()).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "SELECT fired_rules FROM alarms WHERE id = ?",
                        String.class,
                        alarm.path("id").asLong()))
                .matches("\\[\\d+\\]");
    }

    @Test
    void aRiseSustainedOverAMinuteIsAnEarlyWarningButTheSameSlopeOverSecondsIsNot() {
        // 10 → 16 %LEL, below level 1: at 6 %LEL a minute, level 2 (50 %LEL) is less than 15 minutes away
        JsonNode burst = push(reading(gas, 0, 10), reading(gas, 2, 10.2), reading(gas, 4, 10.4), reading(gas, 6, 10.6))
                .getBody();
        JsonNode sustained = push(reading(gas, 30, 13), reading(gas, 60, 16)).getBody();

        assertThat(burst.path("alarms")).isEmpty();
        assertThat(sustained.path("alarms")).hasSize(1);
        assertThat(sustained.path("alarms").get(0).path("event").asText()).isEqualTo("RAISED");
        assertThat(sustained.path("alarms").get(0).path("level").asInt()).isZero();
        assertThat(sustained.path("alarms").get(0).path("rule").asText())
                .isEqualTo("Early warning: rising towards level-2 within 15 minutes");
    }

    @Test
    void aLevelMustPersistForItsDebounceBeforeAnAlarmIsRaised() {
        // level 1 needs 5 s: a single reading raises nothing, the next one 6 s later does
        JsonNode first = push(reading(gas, 0, 30)).getBody();
        JsonNode brief = push(reading(gas, 3, 30)).getBody();
        JsonNode persisted = push(reading(gas, 6, 30)).getBody();

        assertThat(first.path("alarms")).isEmpty();
        assertThat(brief.path("alarms")).isEmpty();
        assertThat(persisted.path("alarms").get(0).path("event").asText()).isEqualTo("RAISED");
        assertThat(persisted.path("alarms").get(0).path("level").asInt()).isEqualTo(1);
    }

    @Test
    void aValueFlappingAroundTheSetpointKeepsOneAlarmWhichLatchesUntilAcknowledged() {
        push(reading(gas, 0, 50.5));
        JsonNode flapping = push(
                        reading(gas, 1, 49.0),
                        reading(gas, 2, 50.2),
                        reading(gas, 3, 48.5),
                        reading(gas, 4, 51),
                        reading(gas, 5, 50.5))
                .getBody();
        assertThat(flapping.path("alarms")).isEmpty();

        JsonNode down = push(reading(gas, 6, 47)).getBody();
        assertThat(down.path("alarms").get(0).path("event").asText()).isEqualTo("LEVEL_CHANGED");
        assertThat(down.path("alarms").get(0).path("level").asInt()).isEqualTo(1);

        JsonNode normal = push(reading(gas, 7, 10)).getBody();
        assertThat(normal.path("alarms").get(0).path("event").asText()).isEqualTo("NORMAL");
        assertThat(onlyAlarm(gas).path("state").asText()).isEqualTo("RAISED");

        long id = onlyAlarm(gas).path("id").asLong();
        JsonNode acknowledged = api.post("/api/v1/alarms/" + id + "/acknowledgement", REGULATOR, null)
                .getBody();
        assertThat(acknowledged.path("state").asText()).isEqualTo("CLEARED");
        assertThat(acknowledged.path("acknowledgedBy").asText()).isEqualTo("duty-officer");

        push(reading(gas, 8, 60));
        assertThat(alarmsOf(gas)).hasSize(2);
        JsonNode history = api.get("/api/v1/monitoring-points/" + gas + "/alarm-events", REGULATOR)
                .getBody();
        assertThat(history.findValuesAsText("event"))
                .containsExactly("RAISED", "CLEARED", "NORMAL", "LEVEL_CHANGED", "RAISED");
    }

    @Test
    void anAcknowledgedAlarmClearsWhenTheValueIsBackPastTheDeadband() {
        push(reading(gas, 0, 55));
        long id = onlyAlarm(gas).path("id").asLong();
        assertThat(api.post("/api/v1/alarms/" + id + "/acknowledgement", TestTokens.policyAdmin(), null)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("ACKNOWLEDGED");

        push(reading(gas, 1, 23));
        assertThat(onlyAlarm(gas).path("state").asText()).isEqualTo("ACKNOWLEDGED");
        push(reading(gas, 2, 22.9));
        assertThat(onlyAlarm(gas).path("state").asText()).isEqualTo("CLEARED");
        assertThat(api.post("/api/v1/alarms/" + id + "/acknowledgement", REGULATOR, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void manyGatewaysPushingAlarmingReadingsOfOnePointAtOnceRaiseExactlyOneAlarm() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int second = i;
                calls.add(() -> push(reading(gas, second, 70)));
            }
            for (Future<ResponseEntity<JsonNode>> call : pool.invokeAll(calls)) {
                assertThat(call.get().getStatusCode()).isEqualTo(HttpStatus.OK);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(alarmsOf(gas)).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM alarm_events WHERE event = 'RAISED' AND point_id ="
                                + " (SELECT id FROM monitoring_points WHERE code = ?)",
                        Integer.class,
                        gas))
                .isEqualTo(1);
    }

    @Test
    void everyKindOfBadReadingIsRefusedOnItsOwnWithItsReasonWhileTheGoodOnesAreTaken() {
        String tank = Api.uniqueCode("TANK");
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(tank, chemicals, "STORAGE_TANK", "TANK_LEVEL", "m", null, null, null));
        Instant now = Instant.now();
        List<Object> batch = List.of(
                reading(gas, 0, 10),
                reading("NO-SUCH-SENSOR", 0, 10),
                Map.of("sensor", gas, "at", t0.plusSeconds(1).toString(), "value", 10, "unit", "ppm"),
                Map.of("sensor", gas, "at", t0.plusSeconds(2).toString(), "value", "NaN", "unit", "%LEL"),
                reading(gas, 3, -1),
                reading(gas, 4, 100.5),
                Map.of("sensor", gas, "at", now.plus(1, ChronoUnit.HOURS).toString(), "value", 10, "unit", "%LEL"),
                Map.of("sensor", gas, "at", now.minus(3, ChronoUnit.DAYS).toString(), "value", 10, "unit", "%LEL"),
                reading(gas, 0, 10),
                Map.of("sensor", gas, "at", "yesterday", "value", 10, "unit", "%LEL"),
                reading(tank, 0, 3),
                reading(gas, 9, 12));

        JsonNode result =
                api.post("/api/v1/readings", GATEWAY, Map.of("readings", batch)).getBody();

        assertThat(result.path("received").asInt()).isEqualTo(12);
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        Map<Integer, String> reasons = new LinkedHashMap<>();
        result.path("rejected")
                .forEach(r ->
                        reasons.put(r.path("index").asInt(), r.path("reason").asText()));
        assertThat(reasons)
                .containsExactly(
                        Map.entry(1, "UNKNOWN_SENSOR"),
                        Map.entry(2, "WRONG_UNIT"),
                        Map.entry(3, "NOT_A_NUMBER"),
                        Map.entry(4, "IMPOSSIBLE_VALUE"),
                        Map.entry(5, "IMPOSSIBLE_VALUE"),
                        Map.entry(6, "IN_THE_FUTURE"),
                        Map.entry(7, "TOO_OLD"),
                        Map.entry(8, "DUPLICATE"),
                        Map.entry(9, "MALFORMED"),
                        Map.entry(10, "NOT_EVALUABLE"));
        assertThat(result.path("rejected").get(1).path("message").asText()).contains("measures in %LEL");

        JsonNode again = push(reading(gas, 9, 12), reading(gas, 5, 12)).getBody();
        assertThat(again.path("rejected").findValuesAsText("reason")).containsExactly("DUPLICATE", "OUT_OF_ORDER");
    }

    @Test
    void bareNanAndInfinityTokensAreBadReadingsNotABadRequest() {
        String body =
                """
                {"readings": [
                  {"sensor": "%1$s", "at": "%2$s", "value": NaN, "unit": "%%LEL"},
                  {"sensor": "%1$s", "at": "%2$s", "value": Infinity, "unit": "%%LEL"}
                ]}"""
                        .formatted(gas, t0);

        ResponseEntity<JsonNode> result = api.postRaw("/api/v1/readings", GATEWAY, body);

        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(result.getBody().path("rejected").findValuesAsText("reason"))
                .containsExactly("NOT_A_NUMBER", "NOT_A_NUMBER");
    }

    @Test
    void aMalformedBodyIsA400ProblemAndAnOversizedOneA413Problem() {
        ResponseEntity<JsonNode> broken = api.postRaw("/api/v1/readings", GATEWAY, "{\"readings\": [ {\"sensor\": ");
        ResponseEntity<JsonNode> notABatch = api.postRaw("/api/v1/readings", GATEWAY, "[1, 2, 3]");
        ResponseEntity<JsonNode> huge =
                api.postRaw("/api/v1/readings", GATEWAY, "{\"readings\": [" + " ".repeat(9 << 20) + "]}");

        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:malformed-request");
        assertThat(notABatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(huge.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:payload-too-large");
    }

    @Test
    void aBatchOfTenThousandReadingsIsTakenInOneRequest() {
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(reading(gas, i / 10.0, 5 + (i % 7)));
        }

        JsonNode result =
                api.post("/api/v1/readings", GATEWAY, Map.of("readings", batch)).getBody();

        assertThat(result.path("accepted").asInt()).isEqualTo(10_000);
        assertThat(result.path("rejected")).isEmpty();
    }

    @Test
    void onlySensorGatewaysPushReadings() {
        assertThat(api.post("/api/v1/readings", TestTokens.policyAdmin(), Map.of("readings", List.of()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anEnterpriseSeesAndAcknowledgesOnlyItsOwnAlarms() {
        String neighbour = Api.uniqueCode("GT");
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(neighbour, other, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, null));
        push(reading(gas, 0, 60), reading(neighbour, 0, 60));
        long own = onlyAlarm(gas).path("id").asLong();
        long theirs = onlyAlarm(neighbour).path("id").asLong();
        String token = TestTokens.enterprise(chemicals);

        JsonNode listed = api.get("/api/v1/alarms", token).getBody();
        assertThat(listed.path("items").findValuesAsText("point")).containsExactly(gas);
        assertThat(api.get("/api/v1/alarms/" + theirs, token).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("/api/v1/alarms/" + theirs + "/acknowledgement", token, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("/api/v1/alarms/" + own + "/acknowledgement", token, null)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("ACKNOWLEDGED");
        assertThat(api.get("/api/v1/alarms?enterprise=" + other, token).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("/api/v1/alarms?level=2&state=RAISED&region=149900", REGULATOR)
                        .getBody()
                        .path("items")
                        .findValuesAsText("point"))
                .containsExactly(neighbour);
    }

    @Test
    void aSecondGasDetectorOnTheSameUnitInAlarmRaisesTheLevel() {
        String second = Api.uniqueCode("GT");
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(second, chemicals, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, "U-100"));
        push(reading(gas, 0, 55));

        JsonNode corroborated =
                push(reading(second, 1, 26), reading(second, 7, 26)).getBody();

        assertThat(corroborated.path("alarms").get(0).path("level").asInt()).isEqualTo(2);
        assertThat(corroborated.path("alarms").get(0).path("rule").asText())
                .isEqualTo("Correlation: a second gas detector on the same process unit in alarm");
    }

    private ResponseEntity<JsonNode> push(Object... readings) {
        return api.post("/api/v1/readings", GATEWAY, Map.of("readings", List.of(readings)));
    }

    private Map<String, Object> reading(String sensor, double secondsAfterStart, double value) {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("sensor", sensor);
        reading.put("at", t0.plusMillis((long) (secondsAfterStart * 1000)).toString());
        reading.put("value", value);
        reading.put("unit", "%LEL");
        if (sensor.startsWith("TANK")) {
            reading.put("unit", "m");
        }
        return reading;
    }

    private List<JsonNode> alarmsOf(String point) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/alarms", REGULATOR).getBody().path("items").forEach(a -> {
            if (a.path("point").asText().equals(point)) {
                found.add(a);
            }
        });
        return found;
    }

    private JsonNode onlyAlarm(String point) {
        List<JsonNode> alarms = alarmsOf(point);
        assertThat(alarms).hasSize(1);
        return alarms.get(0);
    }
}

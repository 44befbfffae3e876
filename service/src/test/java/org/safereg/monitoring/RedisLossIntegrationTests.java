package org.safereg.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Redis loses everything (a restart without persistence, a failover, an eviction): the alarms already in
 * MySQL keep their identity, a point in alarm is not raised a second time, a cleared point raises a new
 * episode that is listed, and a unit's points in alarm are known again.
 */
@IntegrationTest
class RedisLossIntegrationTests {

    private static final String REGULATOR = TestTokens.token("duty-1", List.of("REGULATOR"), null);

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
        plant = province.enterprise("失忆化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        api = new Api(http);
        t0 = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void clean() {
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void aClearedPointRaisesANewListedEpisodeAfterRedisLostEverything() {
        String gas = gasDetector(null);
        assertThat(event(push(gas, 0, 65))).isEqualTo("RAISED");
        push(gas, 10, 5);
        long first = alarmId(gas, 1);
        assertThat(acknowledge(first).path("state").asText()).isEqualTo("CLEARED");

        redisLosesEverything();
        JsonNode again = push(gas, 20, 66);

        assertThat(again.path("alarms").get(0).path("event").asText()).isEqualTo("RAISED");
        assertThat(again.path("alarms").get(0).path("episode").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "SELECT a.state FROM alarms a JOIN monitoring_points p ON p.id = a.point_id"
                                + " WHERE p.code = ? ORDER BY a.episode",
                        String.class,
                        gas))
                .containsExactly("CLEARED", "RAISED");
        JsonNode listed = api.get("/api/v1/alarms?state=RAISED", REGULATOR).getBody();
        assertThat(listed.findValuesAsText("point")).containsExactly(gas);
        assertThat(jdbc.queryForList(
                        "SELECT event FROM alarm_events WHERE alarm_id = ? ORDER BY id", String.class, first))
                .as("nothing of the new episode is attached to the cleared alarm")
                .containsExactly("RAISED", "NORMAL", "CLEARED");
    }

    @Test
    void aPointStillInAlarmIsNotRaisedAgainAfterRedisLostEverything() {
        String gas = gasDetector(null);
        push(gas, 0, 30);
        assertThat(event(push(gas, 10, 30))).isEqualTo("RAISED");
        long alarm = alarmId(gas, 1);
        assertThat(acknowledge(alarm).path("state").asText()).isEqualTo("ACKNOWLEDGED");

        redisLosesEverything();
        JsonNode same = push(gas, 20, 31);
        JsonNode normal = push(gas, 30, 2);

        assertThat(same.path("alarms")).isEmpty();
        assertThat(normal.path("alarms").get(0).path("event").asText())
                .as("acknowledged and back to normal: the alarm clears, as it would have without the loss")
                .isEqualTo("CLEARED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM alarms a JOIN monitoring_points p ON p.id = a.point_id WHERE p.code = ?",
                        Integer.class,
                        gas))
                .isEqualTo(1);
    }

    @Test
    void aResentReadingIsStillADuplicateAfterRedisLostEverything() {
        String gas = gasDetector(null);
        push(gas, 0, 65);

        redisLosesEverything();
        ResponseEntity<JsonNode> resent = pushResponse(gas, 0, 65);

        assertThat(resent.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(resent.getBody().path("rejected").get(0).path("reason").asText())
                .isEqualTo("DUPLICATE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alarms", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void theUnitsPointsInAlarmAreKnownAgainAfterRedisLostEverything() {
        String first = gasDetector("UNIT-7");
        String second = gasDetector("UNIT-7");
        push(first, 0, 65);
        long unitKeysBefore = unitKeys();
        assertThat(unitKeysBefore).isEqualTo(1);

        redisLosesEverything();
        push(second, 5, 1);

        assertThat(unitKeys())
                .as("the unit's marks are rebuilt from the open alarms in MySQL")
                .isEqualTo(1);
        Map<Object, Object> marks = redis.opsForHash()
                .entries(redis.keys(RedisPointStates.UNIT_PREFIX + "*")
                        .iterator()
                        .next());
        assertThat(marks).hasSize(1);
    }

    @Test
    void aThirdAlarmWithinTheHourIsStillMarkedRepeatedAfterRedisLostEverything() {
        String gas = gasDetector(null);
        for (int round = 0; round < 2; round++) {
            assertThat(event(push(gas, round * 60, 65))).isEqualTo("RAISED");
            push(gas, round * 60 + 10, 5);
            assertThat(acknowledge(alarmId(gas, round + 1)).path("state").asText())
                    .isEqualTo("CLEARED");
        }

        redisLosesEverything();
        assertThat(event(push(gas, 180, 65))).isEqualTo("RAISED");

        assertThat(jdbc.queryForObject(
                        "SELECT a.repeated FROM alarms a JOIN monitoring_points p ON p.id = a.point_id"
                                + " WHERE p.code = ? AND a.episode = 3",
                        Boolean.class,
                        gas))
                .as("the two alarms raised before within the hour are known from MySQL")
                .isTrue();
    }

    @Test
    void oxygenEnrichmentAfterADeficiencyBeforeRedisLostEverythingIsAnAlarmOfItsOwn() {
        String oxygen = api.detector("RL-O2", plant, "OXYGEN", "%VOL", null);
        push(oxygen, 0, 19.0, "%VOL");
        assertThat(event(push(oxygen, 30, 19.0, "%VOL"))).isEqualTo("RAISED");

        redisLosesEverything();
        JsonNode enriched = push(oxygen, 60, 24.0, "%VOL");

        assertThat(enriched.path("alarms").findValuesAsText("event")).containsExactly("CLEARED", "RAISED");
        List<Map<String, Object>> alarms = jdbc.queryForList(
                "SELECT a.state, a.threshold FROM alarms a JOIN monitoring_points p ON p.id = a.point_id"
                        + " WHERE p.code = ? ORDER BY a.episode",
                oxygen);
        assertThat(alarms).hasSize(2);
        assertThat(alarms.get(0)).containsEntry("state", "CLEARED");
        assertThat(((Number) alarms.get(0).get("threshold")).doubleValue()).isEqualTo(19.5);
        assertThat(alarms.get(1)).containsEntry("state", "RAISED");
        assertThat(((Number) alarms.get(1).get("threshold")).doubleValue()).isEqualTo(23.5);
    }

    @Test
    void anAlarmOpenBeforeRedisLostEverythingIsAcknowledgedAndThenClears() {
        String gas = gasDetector(null);
        assertThat(event(push(gas, 0, 65))).isEqualTo("RAISED");
        long alarm = alarmId(gas, 1);

        redisLosesEverything();

        assertThat(acknowledge(alarm).path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(event(push(gas, 10, 5))).isEqualTo("CLEARED");
        assertThat(api.get("/api/v1/alarms?state=RAISED", REGULATOR).getBody().findValuesAsText("point"))
                .isEmpty();
    }

    private long unitKeys() {
        return redis.keys(RedisPointStates.UNIT_PREFIX + "*").size();
    }

    private void redisLosesEverything() {
        redis.execute((RedisConnection connection) -> {
            connection.serverCommands().flushDb();
            return null;
        });
    }

    private String gasDetector(String unit) {
        return api.gasDetector("RL", plant, unit);
    }

    private JsonNode acknowledge(long alarm) {
        return api.post("/api/v1/alarms/" + alarm + "/acknowledgement", REGULATOR, null)
                .getBody();
    }

    private long alarmId(String code, long episode) {
        return jdbc.queryForObject(
                "SELECT a.id FROM alarms a JOIN monitoring_points p ON p.id = a.point_id WHERE p.code = ? AND a.episode = ?",
                Long.class,
                code,
                episode);
    }

    private static String event(JsonNode answer) {
        return Api.firstEvent(answer);
    }

    private JsonNode push(String sensor, double secondsAfterStart, double value) {
        return api.taken(sensor, at(secondsAfterStart), value, "%LEL");
    }

    private JsonNode push(String sensor, double secondsAfterStart, double value, String unit) {
        return api.taken(sensor, at(secondsAfterStart), value, unit);
    }

    private ResponseEntity<JsonNode> pushResponse(String sensor, double secondsAfterStart, double value) {
        return api.reading(sensor, at(secondsAfterStart), value, "%LEL");
    }

    private Instant at(double secondsAfterStart) {
        return t0.plusMillis((long) (secondsAfterStart * 1000));
    }
}

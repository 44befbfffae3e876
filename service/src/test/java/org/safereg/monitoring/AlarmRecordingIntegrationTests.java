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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MySQL refuses the alarm rows after the point states in Redis have moved on: the readings are still
 * taken, the alarms decided are kept in Redis and written once MySQL takes them again, in order and once.
 */
@IntegrationTest
class AlarmRecordingIntegrationTests {

    private static final String GATEWAY = TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    AlarmRecording recording;

    private Api api;
    private String gas;
    private Instant t0;

    @BeforeEach
    void aGasDetector() {
        Province province = Province.reset(jdbc, redis);
        String plant =
                province.enterprise("断库化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        api = new Api(http);
        gas = Api.uniqueCode("GT");
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(gas, plant, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, null));
        t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void restore() {
        mysqlTakesAlarmEventsAgain();
        redis.delete(RedisPointStates.DEFERRED);
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void alarmsDecidedWhileMysqlRefusesThemAreRecordedInOrderOnceItTakesThemAgain() {
        jdbc.execute("RENAME TABLE alarm_events TO alarm_events_away");

        JsonNode raised = push(0, 55).getBody();
        JsonNode lowered = push(6, 40).getBody();

        assertThat(raised.path("accepted").asInt()).isEqualTo(1);
        assertThat(raised.path("alarms").get(0).path("event").asText()).isEqualTo("RAISED");
        assertThat(lowered.path("accepted").asInt()).isEqualTo(1);
        assertThat(lowered.path("alarms").get(0).path("event").asText()).isEqualTo("LEVEL_CHANGED");
        assertThat(alarmRows()).isEmpty();
        assertThat(recording.health().getDetails()).containsEntry("deferredTransitions", 2L);

        mysqlTakesAlarmEventsAgain();
        recording.repair();
        recording.repair();

        List<Map<String, Object>> alarms = alarmRows();
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0)).containsEntry("level", 1).containsEntry("state", "RAISED");
        assertThat(jdbc.queryForList(
                        "SELECT e.event FROM alarm_events e JOIN monitoring_points p ON p.id = e.point_id"
                                + " WHERE p.code = ? ORDER BY e.id",
                        String.class,
                        gas))
                .containsExactly("RAISED", "LEVEL_CHANGED");
        assertThat(recording.health().getDetails()).containsEntry("deferredTransitions", 0L);
    }

    @Test
    void readingsAfterTheRepairFollowTheRecordedAlarm() {
        jdbc.execute("RENAME TABLE alarm_events TO alarm_events_away");
        push(0, 55);
        mysqlTakesAlarmEventsAgain();
        recording.repair();

        JsonNode normal = push(6, 5).getBody();

        assertThat(normal.path("alarms").get(0).path("event").asText()).isEqualTo("NORMAL");
        assertThat(alarmRows().get(0)).containsEntry("level", 2).containsEntry("state", "RAISED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM alarms a JOIN monitoring_points p ON p.id = a.point_id"
                                + " WHERE p.code = ? AND a.normal_at IS NOT NULL",
                        Integer.class,
                        gas))
                .isEqualTo(1);
    }

    private void mysqlTakesAlarmEventsAgain() {
        Integer away = jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name = 'alarm_events_away'",
                Integer.class);
        if (away != null && away > 0) {
            jdbc.execute("RENAME TABLE alarm_events_away TO alarm_events");
        }
    }

    private List<Map<String, Object>> alarmRows() {
        return jdbc.queryForList(
                "SELECT a.level, a.state FROM alarms a JOIN monitoring_points p ON p.id = a.point_id WHERE p.code = ?",
                gas);
    }

    private org.springframework.http.ResponseEntity<JsonNode> push(double secondsAfterStart, double value) {
        var response = api.post(
                "/api/v1/readings",
                GATEWAY,
                Map.of(
                        "readings",
                        List.of(Map.of(
                                "sensor",
                                gas,
                                "at",
                                t0.plusMillis((long) (secondsAfterStart * 1000)).toString(),
                                "value",
                                value,
                                "unit",
                                "%LEL"))));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }
}

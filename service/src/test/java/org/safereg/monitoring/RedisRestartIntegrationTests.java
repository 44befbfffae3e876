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
import org.safereg.support.LocalRedis;
import org.safereg.support.Province;
import org.safereg.support.RealStores;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Redis is killed and comes back empty (a restart without persistence) while gateways keep sending: no
 * answer is a 500, readings are taken again as soon as Redis answers, and the alarms already in MySQL
 * keep their identity: one still open is not raised again, a cleared one is followed by a new episode.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.data.redis.timeout=500ms", "spring.data.redis.connect-timeout=500ms"})
@ContextConfiguration(initializers = {RealStores.class, LocalRedis.Initializer.class})
class RedisRestartIntegrationTests {

    private static final String GATEWAY = TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null);
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
    private int second;

    @BeforeEach
    void aPlant() {
        LocalRedis.shared().start();
        Province province = Province.reset(jdbc, redis);
        plant = province.enterprise("重启化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        api = new Api(http);
        t0 = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void redisIsBack() {
        LocalRedis.shared().start();
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void readingsAreTakenAgainRightAfterRedisCameBackEmptyAndNoAlarmIsRaisedTwice() {
        String open = gasDetector();
        String cleared = gasDetector();
        assertThat(event(taken(push(open, 65)))).isEqualTo("RAISED");
        assertThat(event(taken(push(cleared, 65)))).isEqualTo("RAISED");
        taken(push(cleared, 5));
        long first = alarmId(cleared, 1);
        assertThat(api.post("/api/v1/alarms/" + first + "/acknowledgement", REGULATOR, null)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("CLEARED");

        LocalRedis.shared().kill();
        ResponseEntity<JsonNode> down = push(open, 70);
        assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        LocalRedis.shared().start();

        ResponseEntity<JsonNode> again = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            again = push(open, 66);
            assertThat(again.getStatusCode())
                    .as("an answer while the service finds Redis again: %s", again.getBody())
                    .isIn(HttpStatus.OK, HttpStatus.SERVICE_UNAVAILABLE);
            if (again.getStatusCode() == HttpStatus.OK) {
                break;
            }
            pause();
        }
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("alarms"))
                .as("the open alarm is known from MySQL: not raised a second time")
                .isEmpty();
        JsonNode relapse = taken(push(cleared, 66));
        assertThat(event(relapse)).isEqualTo("RAISED");
        assertThat(relapse.path("alarms").get(0).path("episode").asLong()).isEqualTo(2);

        assertThat(jdbc.queryForList(
                        "SELECT CONCAT(p.code, '#', a.episode, ':', a.state) FROM alarms a"
                                + " JOIN monitoring_points p ON p.id = a.point_id ORDER BY p.code, a.episode",
                        String.class))
                .containsExactlyInAnyOrder(open + "#1:RAISED", cleared + "#1:CLEARED", cleared + "#2:RAISED");
        assertThat(api.get("/api/v1/alarms?state=RAISED", REGULATOR).getBody().findValuesAsText("point"))
                .containsExactlyInAnyOrder(open, cleared);
    }

    private String gasDetector() {
        String code = Api.uniqueCode("RR");
        assertThat(api.registerPoint(
                                TestTokens.policyAdmin(),
                                Api.point(code, plant, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, null))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return code;
    }

    private long alarmId(String code, long episode) {
        return jdbc.queryForObject(
                "SELECT a.id FROM alarms a JOIN monitoring_points p ON p.id = a.point_id WHERE p.code = ? AND a.episode = ?",
                Long.class,
                code,
                episode);
    }

    private static JsonNode taken(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String event(JsonNode answer) {
        return answer.path("alarms").get(0).path("event").asText();
    }

    /** Each reading one second after the one before, so that none is a duplicate of an earlier one. */
    private ResponseEntity<JsonNode> push(String sensor, double value) {
        second++;
        return api.post(
                "/api/v1/readings",
                GATEWAY,
                Map.of(
                        "readings",
                        List.of(Map.of(
                                "sensor",
                                sensor,
                                "value",
                                value,
                                "unit",
                                "%LEL",
                                "at",
                                t0.plusSeconds(second).toString()))));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

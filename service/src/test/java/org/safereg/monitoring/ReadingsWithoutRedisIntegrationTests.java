package org.safereg.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Redis, which holds every point's alarm state, is configured but not answering: a batch of readings is
 * refused as a whole with 503 and Retry-After, so that the gateway sends it again, and nothing of it is
 * stored. Alarms already recorded are still served from MySQL.
 */
@IntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.data.redis.host=127.0.0.1",
            "spring.data.redis.port=6390",
            "spring.data.redis.timeout=300ms",
            "spring.data.redis.connect-timeout=300ms"
        })
class ReadingsWithoutRedisIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeMonitoringRows() {
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void aBatchIsRefusedWithRetryAfterAndNothingOfItIsStored() {
        Province province = Province.reset(jdbc, null);
        String plant =
                province.enterprise("无缓存化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        Api api = new Api(http);
        String gas = Api.uniqueCode("GT");
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(gas, plant, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, null));
        String at = Instant.now().minus(1, ChronoUnit.MINUTES).toString();

        ResponseEntity<JsonNode> answer = api.post(
                "/api/v1/readings",
                TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null),
                Map.of("readings", List.of(Map.of("sensor", gas, "at", at, "value", 80, "unit", "%LEL"))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:unavailable");
        assertThat(answer.getBody().path("detail").asText()).contains("Send it again");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alarms", Integer.class))
                .isZero();
        ResponseEntity<JsonNode> alarms =
                api.get("/api/v1/alarms", TestTokens.token("duty-officer", List.of("REGULATOR"), null));
        assertThat(alarms.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}

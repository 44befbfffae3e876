package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bodies a client gets wrong: each is refused with a 400 that says exactly what is wrong. */
@IntegrationTest
class BadBodiesIntegrationTests {

    private static final String GATEWAY = TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null);
    private static final String INSPECTOR = TestTokens.token("inspector-7", List.of("INSPECTOR"), null);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private String plant;

    @BeforeEach
    void aPlant() {
        plant = Province.reset(jdbc, redis)
                .enterprise("坏体化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .code();
    }

    @Test
    void jsonNestedTooDeeplyIsABadRequestOnEveryBatchEndpoint() {
        String deep = "{\"readings\": " + "[".repeat(2000) + "]".repeat(2000) + "}";
        for (String path : List.of("/api/v1/readings", "/api/v1/positions", "/api/v1/hazards")) {
            ResponseEntity<JsonNode> answer = post(path, path.contains("hazards") ? INSPECTOR : GATEWAY, deep);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().path("detail").asText()).as(path).contains("deeper");
        }
    }

    @Test
    void aNullBodyAndAnEmptyArraySayWhatWasExpected() {
        ResponseEntity<JsonNode> nullHazard = post("/api/v1/hazards", INSPECTOR, "null");
        ResponseEntity<JsonNode> arrayHazard = post("/api/v1/hazards", INSPECTOR, "[]");
        ResponseEntity<JsonNode> nullReadings = post("/api/v1/readings", GATEWAY, "null");
        ResponseEntity<JsonNode> arrayReadings = post("/api/v1/readings", GATEWAY, "[]");

        assertThat(nullHazard.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nullHazard.getBody().path("detail").asText())
                .contains("null")
                .contains("JSON object");
        assertThat(arrayHazard.getBody().path("detail").asText())
                .contains("JSON object")
                .doesNotContain("missing");
        assertThat(nullReadings.getBody().path("detail").asText())
                .contains("null")
                .contains("'readings'");
        assertThat(arrayReadings.getBody().path("detail").asText())
                .contains("array")
                .contains("'readings'")
                .doesNotContain("missing");
    }

    @Test
    void anUnknownFieldOnAHazardIsRefusedByName() {
        String body =
                """
                {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "MAJOR",
                 "description": "消防通道堵塞", "foundOn": "%s", "deadline": "%s", "dedline": "%s"}"""
                        .formatted(
                                plant,
                                LocalDate.now(),
                                LocalDate.now().plusDays(30),
                                LocalDate.now().plusDays(30));

        ResponseEntity<JsonNode> answer = post("/api/v1/hazards", INSPECTOR, body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("detail").asText()).contains("'dedline'");
        assertThat(answer.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("dedline");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hazards", Integer.class))
                .isZero();
    }

    private ResponseEntity<JsonNode> post(String path, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}

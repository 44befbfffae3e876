package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Redis configured but not answering: a liveness probe must not restart the instance, and it stays ready
 * (MySQL answers what Redis would), with the degraded store visible in the details.
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
class HealthWithoutRedisIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void theInstanceIsAliveAndReadyAndSaysWhatIsDegraded() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
        ResponseEntity<JsonNode> liveness = http.getForEntity("/actuator/health/liveness", JsonNode.class);
        ResponseEntity<JsonNode> readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()
                        .path("components")
                        .path("alarmRecording")
                        .path("details")
                        .path("degraded")
                        .asText())
                .contains("503");
    }
}

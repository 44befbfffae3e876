package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.Http;
import org.safereg.support.LocalMariaDb;
import org.safereg.support.Province;
import org.safereg.support.RealStores;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * MySQL goes away (its server is killed): requests that need it answer 503 with Retry-After instead of
 * waiting for the pool, credit and risk are still served from their Redis copies and say so, liveness
 * stays UP while readiness is not, and everything answers again once MySQL is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {RealStores.class, LocalMariaDb.Initializer.class})
class MysqlOutageIntegrationTests {

    private static final String REGULATOR = TestTokens.token("duty-officer", List.of("REGULATOR"), null);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @AfterEach
    void mysqlIsBack() {
        LocalMariaDb.shared().start();
    }

    @Test
    void requestsFailFastWhileCreditAndRiskAreServedFromTheirCopies() throws InterruptedException {
        Http http = new Http(rest);
        Province province = Province.reset(jdbc, redis);
        String code = province.enterprise("停库化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(LocalDate.now().getYear(), 20, 20)
                .drill(LocalDate.now().minusMonths(1), true)
                .code();
        evaluateCreditAndRisk(http, code);
        assertThat(http.get("/api/v1/enterprises/" + code + "/credit", REGULATOR)
                        .getBody()
                        .path("servedFrom")
                        .asText())
                .isEqualTo("redis");

        LocalMariaDb.shared().kill();

        ResponseEntity<JsonNode> alarms = http.get("/api/v1/alarms", REGULATOR);
        assertThat(alarms.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(alarms.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(alarms.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:unavailable");
        ResponseEntity<JsonNode> hazard = http.post(
                "/api/v1/hazards",
                TestTokens.enterprise(code),
                Map.of(
                        "enterprise",
                        code,
                        "grade",
                        "GENERAL",
                        "source",
                        "SELF_CHECK",
                        "description",
                        "消防通道堵塞",
                        "foundOn",
                        LocalDate.now().toString(),
                        "deadline",
                        LocalDate.now().plusDays(7).toString()));
        assertThat(hazard.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        ResponseEntity<JsonNode> credit = http.get("/api/v1/enterprises/" + code + "/credit", REGULATOR);
        ResponseEntity<JsonNode> risk = http.get("/api/v1/enterprises/" + code + "/risk", REGULATOR);
        assertThat(credit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(credit.getBody().path("servedFrom").asText()).isEqualTo("redis");
        assertThat(credit.getBody().path("tier").asText()).isEqualTo("A");
        assertThat(risk.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(risk.getBody().path("servedFrom").asText()).isEqualTo("redis");

        assertThat(rest.getForEntity("/actuator/health/liveness", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // health reads the stores' state from a probe that runs every second
        assertThat(readinessWithin(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        LocalMariaDb.shared().start();

        assertThat(answersAgain(http)).isEqualTo(HttpStatus.OK);
        assertThat(readinessWithin(HttpStatus.OK)).isEqualTo(HttpStatus.OK);
    }

    private void evaluateCreditAndRisk(Http http, String code) throws InterruptedException {
        JsonNode job = http.post("/api/v1/credit/evaluations", TestTokens.policyAdmin(), null)
                .getBody();
        http.post("/api/v1/risk/evaluations", TestTokens.policyAdmin(), null);
        for (int i = 0; i < 300; i++) {
            String state = http.get(
                            "/api/v1/credit/evaluations/" + job.path("id").asLong(), TestTokens.policyAdmin())
                    .getBody()
                    .path("state")
                    .asText();
            boolean risk = http.get("/api/v1/enterprises/" + code + "/risk", REGULATOR)
                    .getStatusCode()
                    .is2xxSuccessful();
            if ("SUCCEEDED".equals(state) && risk) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("credit and risk were not evaluated in 30 s");
    }

    private HttpStatus readinessWithin(HttpStatus expected) throws InterruptedException {
        HttpStatus status = null;
        for (int i = 0; i < 50; i++) {
            status = HttpStatus.valueOf(rest.getForEntity("/actuator/health/readiness", JsonNode.class)
                    .getStatusCode()
                    .value());
            if (status == expected) {
                return status;
            }
            Thread.sleep(100);
        }
        return status;
    }

    /** The pool makes new connections once MySQL listens again: the first requests may still fail. */
    private HttpStatus answersAgain(Http http) throws InterruptedException {
        HttpStatus status = null;
        for (int i = 0; i < 100; i++) {
            status = HttpStatus.valueOf(
                    http.get("/api/v1/alarms", REGULATOR).getStatusCode().value());
            if (status == HttpStatus.OK) {
                return status;
            }
            Thread.sleep(100);
        }
        return status;
    }
}

package org.safereg.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.rulesets.RuleSetApi.CREDIT;
import static org.safereg.rulesets.RuleSetApi.SHEET;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** What a newly activated policy decides is visible at once: credit and risk are re-evaluated on it. */
@IntegrationTest
@TestPropertySource(properties = "safereg.rule-sets.reevaluate-on-activation=true")
class RuleSetReevaluationIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    RuleSetApi api;
    String shipped;
    Province.Enterprise middling;
    Province.Enterprise exemplary;

    @BeforeEach
    void twoEnterprisesEvaluatedOnTheShippedRules() throws InterruptedException {
        api = new RuleSetApi(http);
        shipped = api.versionInForce();
        Province province = Province.reset(jdbc, redis);
        // 79.5 points, tier B; and 100 points, tier A
        middling = province.middlingChemicalPlant();
        exemplary = province.exemplaryChemicalPlant();
        ResponseEntity<JsonNode> job = http.exchange(
                "/api/v1/credit/evaluations",
                HttpMethod.POST,
                new HttpEntity<>(bearer(TestTokens.policyAdmin())),
                JsonNode.class);
        assertThat(job.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitCredit(middling, c -> "B".equals(c.path("tier").asText()));
    }

    @AfterEach
    void putTheShippedVersionBack() throws InterruptedException {
        api.putBack(shipped);
        // the re-evaluation the rollback started runs on the enterprises of this test: let it finish
        awaitCredit(middling, c -> shipped.equals(c.path("ruleSetVersion").asText()));
    }

    @Test
    void activatingStricterTierCutOffsMovesTheEnterprisesTierAndRiskWithoutAnyOtherCall() throws InterruptedException {
        String stricter = api.upload(
                        RuleSetApi.admin("policy-officer-li"),
                        "tier B from 85",
                        Map.of(
                                CREDIT,
                                RuleSetApi.edited(
                                        CREDIT,
                                        RuleSetApi.set(SHEET, "C49", 85)
                                                .andThen(RuleSetApi.set(SHEET, "D50", 85))
                                                // the example of exactly 75 points is tier C now
                                                .andThen(RuleSetApi.set("Examples", "M10", "C")))))
                .getBody()
                .path("version")
                .asText();

        assertThat(api.activate(RuleSetApi.admin("policy-head-wang"), stricter, "notice 2026-9")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode credit = awaitCredit(
                middling, c -> stricter.equals(c.path("ruleSetVersion").asText()));
        assertThat(credit.path("tier").asText()).isEqualTo("C");
        assertThat(credit.path("score").asDouble()).isEqualTo(79.5);
        JsonNode history = get("/api/v1/enterprises/" + middling.code() + "/credit/history");
        assertThat(history.get(0).path("tier").asText()).isEqualTo("C");
        // risk-level.xlsx: tier C is at least YELLOW; the re-evaluation says why
        JsonNode risk = await("/api/v1/enterprises/" + middling.code() + "/risk", r -> "YELLOW"
                .equals(r.path("level").asText()));
        assertThat(risk.path("ruleSetVersion").asText()).isEqualTo(stricter);
        // an enterprise the new cut-offs do not touch keeps its tier, now decided by the new version
        JsonNode unchanged = awaitCredit(
                exemplary, c -> stricter.equals(c.path("ruleSetVersion").asText()));
        assertThat(unchanged.path("tier").asText()).isEqualTo("A");
    }

    private JsonNode awaitCredit(Province.Enterprise enterprise, Predicate<JsonNode> until)
            throws InterruptedException {
        return await("/api/v1/enterprises/" + enterprise.code() + "/credit", until);
    }

    private JsonNode await(String path, Predicate<JsonNode> until) throws InterruptedException {
        JsonNode last = null;
        for (int attempt = 0; attempt < 150; attempt++) {
            ResponseEntity<JsonNode> answer = http.exchange(
                    path, HttpMethod.GET, new HttpEntity<>(bearer(TestTokens.policyAdmin())), JsonNode.class);
            last = answer.getBody();
            if (answer.getStatusCode() == HttpStatus.OK && until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never reached the expected answer; last: " + last);
    }

    private JsonNode get(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(TestTokens.policyAdmin())), JsonNode.class)
                .getBody();
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}

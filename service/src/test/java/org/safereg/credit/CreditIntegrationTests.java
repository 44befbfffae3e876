package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.readmodel.ReadModel;
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

@IntegrationTest
class CreditIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ReadModel<CreditRecord> readModel;

    private Province province;
    private String spotless;
    private String mediocre;
    private String vetoed;

    @BeforeEach
    void aSmallProvince() {
        province = Province.reset(jdbc, redis);
        LocalDate today = LocalDate.now();
        spotless = province.enterprise("无瑕化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .majorHazard(
                        today.minusMonths(3),
                        today.minusMonths(2),
                        today.minusMonths(2).minusDays(3))
                .training(today.getYear(), 40, 40)
                .drill(today.minusMonths(4), true)
                .drill(today.minusMonths(8), true)
                .code();
        // 1 of 2 major hazards on time (50 % -> 0), 2 violations (60), 30 of 40 trained (75 % -> 60),
        // 1 of 2 drills (50 % -> 50): 0 + 15 + 12 + 12.5 = 39.5, tier D by score
        mediocre = province.enterprise("平常建筑有限公司", "CONSTRUCTION", "NOT_REQUIRED")
                .majorHazard(
                        today.minusMonths(5),
                        today.minusMonths(4),
                        today.minusMonths(4).minusDays(1))
                .majorHazard(today.minusMonths(5), today.minusMonths(3), null)
                .violation(today.minusMonths(2), null, null)
                .violation(today.minusMonths(7), null, null)
                .training(today.getYear(), 40, 30)
                .drill(today.minusMonths(2), true)
                .drill(today.minusMonths(6), false)
                .code();
        vetoed = province.enterprise("隐瞒矿业有限公司", "NON_COAL_MINE", "VALID")
                .training(today.getYear(), 10, 10)
                .drill(today.minusMonths(1), true)
                .accident(today.minusMonths(14), "GENERAL", 1, true)
                .code();
    }

    @Test
    void aPolicyAdminRunsTheEvaluationAndEveryEnterpriseGetsItsExplainedCredit() throws Exception {
        JsonNode job = runEvaluation();

        assertThat(job.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("processed").asInt()).isEqualTo(3);
        assertThat(job.path("percentDone").asDouble()).isEqualTo(100.0);

        JsonNode a = credit(spotless, TestTokens.policyAdmin()).getBody();
        assertThat(a.path("tier").asText()).isEqualTo("A");
        assertThat(a.path("score").asDouble()).isEqualTo(100.0);
        assertThat(a.path("servedFrom").asText()).isEqualTo("redis");
        assertThat(a.path("indicators")).hasSize(4);
        assertThat(a.path("measures").path("drillsPlanned").asInt()).isEqualTo(2);
        assertThat(a.path("ruleSetVersion").asText()).hasSize(64);
        assertThat(a.path("evaluatedAt").asText()).isNotBlank();
        assertThat(a.path("firedRules").findValuesAsText("sheet")).contains("Credit scoring");
        assertThat(a.path("provenance").path("rules")).isEqualTo(a.path("firedRules"));
        assertThat(a.path("provenance").path("ruleSetVersion")).isEqualTo(a.path("ruleSetVersion"));
        assertThat(a.path("firedRules").findValuesAsText("file"))
                .contains("decision-tables/credit-scoring.xlsx", "rules/credit-score.drl");

        JsonNode c = credit(mediocre, TestTokens.policyAdmin()).getBody();
        assertThat(c.path("score").asDouble()).isEqualTo(39.5);
        assertThat(c.path("tier").asText()).isEqualTo("D");
        assertThat(c.path("vetoes")).isEmpty();

        JsonNode d = credit(vetoed, TestTokens.policyAdmin()).getBody();
        assertThat(d.path("scoreTier").asText()).isEqualTo("A");
        assertThat(d.path("tier").asText()).isEqualTo("D");
        assertThat(d.path("vetoes").get(0).path("rule").asText())
                .isEqualTo("MEM Order 11: accident concealed or falsely reported");

        Map<Object, Object> hash = redis.opsForHash().entries("safereg:credit:" + spotless);
        assertThat(hash).containsEntry("tier", "A").containsKey("version").containsKey("score");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_results", Integer.class))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_history", Integer.class))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rule_sets WHERE version = ?",
                        Integer.class,
                        a.path("ruleSetVersion").asText()))
                .isEqualTo(1);
    }

    @Test
    void aRunThatChangesNothingAddsNoHistoryAndANewFactChangesTheTier() throws Exception {
        runEvaluation();
        Instant firstEvaluation = Instant.parse(credit(spotless, TestTokens.policyAdmin())
                .getBody()
                .path("evaluatedAt")
                .asText());
        Thread.sleep(1100); // evaluation times are kept in whole seconds
        JsonNode unchanged = runEvaluation();
        assertThat(unchanged.path("changed").asInt()).isZero();
        // unchanged results are not rewritten, but they do say when they were last confirmed
        JsonNode confirmed = credit(spotless, TestTokens.policyAdmin()).getBody();
        assertThat(confirmed.path("servedFrom").asText()).isEqualTo("redis");
        assertThat(Instant.parse(confirmed.path("evaluatedAt").asText())).isAfter(firstEvaluation);
        assertThat(jdbc.queryForObject(
                                "SELECT evaluated_at FROM credit_results c JOIN enterprises e ON e.id = c.enterprise_id"
                                        + " WHERE e.credit_code = ?",
                                java.sql.Timestamp.class,
                                spotless)
                        .toInstant())
                .isAfter(firstEvaluation);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credit_history", Integer.class))
                .isEqualTo(3);

        province.existing(spotless).accident(LocalDate.now().minusMonths(2), "SERIOUS", 11, false);
        JsonNode changed = runEvaluation();

        assertThat(changed.path("changed").asInt()).isEqualTo(1);
        JsonNode credit = credit(spotless, TestTokens.policyAdmin()).getBody();
        assertThat(credit.path("tier").asText()).isEqualTo("D");
        JsonNode history = get("/api/v1/enterprises/" + spotless + "/credit/history", TestTokens.policyAdmin())
                .getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("tier").asText()).isEqualTo("D");
        assertThat(history.get(0).path("previousTier").asText()).isEqualTo("A");
    }

    @Test
    void whenRedisHasLostAResultTheAnswerComesFromMysqlAndIsTheSame() throws Exception {
        runEvaluation();
        JsonNode fromRedis = credit(mediocre, TestTokens.policyAdmin()).getBody();
        redis.delete("safereg:credit:" + mediocre);

        JsonNode fromMysql = credit(mediocre, TestTokens.policyAdmin()).getBody();

        assertThat(fromMysql.path("servedFrom").asText()).isEqualTo("mysql");
        assertThat(fromMysql.path("tier")).isEqualTo(fromRedis.path("tier"));
        assertThat(fromMysql.path("score")).isEqualTo(fromRedis.path("score"));
        assertThat(fromMysql.path("indicators")).isEqualTo(fromRedis.path("indicators"));
        assertThat(fromMysql.path("firedRules")).isEqualTo(fromRedis.path("firedRules"));
        assertThat(fromMysql.path("ruleSetVersion")).isEqualTo(fromRedis.path("ruleSetVersion"));
        assertThat(fromMysql.path("evaluatedAt")).isEqualTo(fromRedis.path("evaluatedAt"));
    }

    @Test
    void aStaleReadModelIsBypassedUntilItIsRebuiltFromMysql() throws Exception {
        runEvaluation();
        // a write Redis missed: it still holds an outdated tier, and the read model is marked stale
        redis.opsForHash().put("safereg:credit:" + mediocre, "tier", "A");
        jdbc.update("UPDATE read_models SET stale = TRUE WHERE name = 'credit'");

        JsonNode whileStale = credit(mediocre, TestTokens.policyAdmin()).getBody();
        assertThat(whileStale.path("tier").asText()).isEqualTo("D");
        assertThat(whileStale.path("servedFrom").asText()).isEqualTo("mysql");

        assertThat(readModel.rebuild()).isTrue();

        JsonNode rebuilt = credit(mediocre, TestTokens.policyAdmin()).getBody();
        assertThat(rebuilt.path("tier").asText()).isEqualTo("D");
        assertThat(rebuilt.path("servedFrom").asText()).isEqualTo("redis");
        assertThat(jdbc.queryForObject("SELECT stale FROM read_models WHERE name = 'credit'", Boolean.class))
                .isFalse();
    }

    @Test
    void anEnterpriseReadsItsOwnCreditAndNoOtherOne() throws Exception {
        runEvaluation();

        assertThat(credit(spotless, TestTokens.enterprise(spotless)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> other = credit(mediocre, TestTokens.enterprise(spotless));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(get("/api/v1/enterprises/" + mediocre + "/credit/history", TestTokens.enterprise(spotless))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void callersWithoutTheRightTokenAreTurnedAway() {
        assertThat(credit(spotless, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(credit(spotless, TestTokens.token("gateway-1", java.util.List.of("SENSOR_GATEWAY"), null))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/credit/evaluations", TestTokens.dispatch()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/credit/evaluations", TestTokens.enterprise(spotless))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aMalformedCreditCodeIs400AndAnUnknownOneIs404() {
        ResponseEntity<JsonNode> malformed = credit("not-a-code", TestTokens.policyAdmin());
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:invalid-input");
        assertThat(malformed.getBody().path("detail").asText()).contains("not-a-code");

        String wrongCheckDigit = spotless.substring(0, 17) + (spotless.charAt(17) == '0' ? '1' : '0');
        assertThat(credit(wrongCheckDigit, TestTokens.policyAdmin()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> unknown = credit(Province.unknownCode(), TestTokens.policyAdmin());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:not-found");
    }

    @Test
    void anEnterpriseNotEvaluatedYetIsExplained() {
        ResponseEntity<JsonNode> response = credit(spotless, TestTokens.policyAdmin());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("detail").asText()).contains("has not been evaluated yet");
    }

    @Test
    void healthShowsTheRuleSetVersionAndTheReadModel() {
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);

        assertThat(health.path("components")
                        .path("ruleSet")
                        .path("details")
                        .path("version")
                        .asText())
                .hasSize(64);
        assertThat(health.path("components")
                        .path("creditReadModel")
                        .path("details")
                        .path("store")
                        .asText())
                .isEqualTo("redis");
    }

    @Test
    void anUnknownJobIs404() {
        assertThat(get("/api/v1/credit/evaluations/987654321", TestTokens.policyAdmin())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode runEvaluation() throws InterruptedException {
        ResponseEntity<JsonNode> started = post("/api/v1/credit/evaluations", TestTokens.policyAdmin());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location)
                .isEqualTo("/api/v1/credit/evaluations/"
                        + started.getBody().path("id").asLong());
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            JsonNode job = get(location, TestTokens.policyAdmin()).getBody();
            if (!"RUNNING".equals(job.path("state").asText())) {
                return job;
            }
            assertThat(System.currentTimeMillis())
                    .as("evaluation finished within 30 s")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private ResponseEntity<JsonNode> credit(String code, String token) {
        return get("/api/v1/enterprises/" + code + "/credit", token);
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, String token) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(headers(token)), JsonNode.class);
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return headers;
    }
}

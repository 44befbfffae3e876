package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A token that speaks for one enterprise stays scoped to it whatever other roles it also carries: it lists
 * no other enterprise's credit, risk, alarms or tasks and reads none of their records.
 */
@IntegrationTest
class ScopedTokensIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void anEnterpriseTokenWithRegulatorRolesIsStillScopedToItsEnterprise() {
        Province province = Province.reset(jdbc, redis);
        String own =
                province.enterprise("自己化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        String other =
                province.enterprise("别家化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        String token = TestTokens.token(
                "enterprise-" + own, List.of("ENTERPRISE", "REGULATOR", "POLICY_ADMIN", "DISPATCH"), own);
        Http http = new Http(rest);

        for (String list : List.of(
                "/api/v1/credit/enterprises",
                "/api/v1/risk/enterprises",
                "/api/v1/risk/heat-map",
                "/api/v1/rule-sets")) {
            assertThat(http.get(list, token).getStatusCode()).as(list).isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String record : List.of(
                "/api/v1/enterprises/" + other + "/credit",
                "/api/v1/enterprises/" + other + "/risk",
                "/api/v1/enterprises/" + other + "/credit/history")) {
            ResponseEntity<JsonNode> answer = http.get(record, token);
            assertThat(answer.getStatusCode().is4xxClientError()).as(record).isTrue();
            assertThat(answer.getStatusCode()).as(record).isNotEqualTo(HttpStatus.OK);
        }
        ResponseEntity<JsonNode> alarms = http.get("/api/v1/alarms?enterprise=" + other, token);
        assertThat(alarms.getStatusCode()).isNotEqualTo(HttpStatus.OK);
        assertThat(http.get("/api/v1/enterprises/" + own + "/credit/history", token)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}

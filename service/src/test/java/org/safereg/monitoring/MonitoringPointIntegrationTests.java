package org.safereg.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class MonitoringPointIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private Api api;
    private String chemicals;
    private String mine;

    @BeforeEach
    void twoEnterprises() {
        Province province = Province.reset(jdbc, redis);
        chemicals =
                province.enterprise("监测化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        mine = province.enterprise("监测矿业有限公司", "COAL_MINE", "VALID").code();
        api = new Api(http);
    }

    /** Other test classes empty the enterprises table, which these rows refer to. */
    @AfterEach
    void removeMonitoringRows() {
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void aPolicyAdminRegistersAPointAndReadsItBack() {
        String code = Api.uniqueCode("GT-101");
        ResponseEntity<JsonNode> created = api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(code, chemicals, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, "U-100"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/monitoring-points/" + code);
        JsonNode point = api.get("/api/v1/monitoring-points/" + code, TestTokens.policyAdmin())
                .getBody();
        assertThat(point.path("enterprise").asText()).isEqualTo(chemicals);
        assertThat(point.path("metric").asText()).isEqualTo("COMBUSTIBLE_GAS");
        assertThat(point.path("unit").asText()).isEqualTo("%LEL");
        assertThat(point.path("processUnit").asText()).isEqualTo("U-100");
        assertThat(point.path("region").asText()).isEqualTo("149901");
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnPoints() {
        String own = Api.uniqueCode("OWN");
        String other = Api.uniqueCode("OTHER");
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(own, chemicals, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, null));
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(other, mine, "MINE_AREA", "AREA_OCCUPANCY", "persons", 10, null, null));
        String token = TestTokens.enterprise(chemicals);

        JsonNode listed = api.get("/api/v1/monitoring-points", token).getBody();
        assertThat(listed.path("items").findValuesAsText("code")).containsExactly(own);
        assertThat(api.get("/api/v1/monitoring-points/" + other, token).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/v1/monitoring-points?enterprise=" + mine, token)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("/api/v1/monitoring-points", TestTokens.policyAdmin())
                        .getBody()
                        .path("items")
                        .findValuesAsText("code"))
                .containsExactly(own, other);
    }

    @Test
    void onlyAPolicyAdminRegistersPoints() {
        ResponseEntity<JsonNode> refused = api.registerPoint(
                TestTokens.enterprise(chemicals),
                Api.point(Api.uniqueCode("X"), chemicals, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, null));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aPointThatCannotBeEvaluatedIsRefusedWithTheFieldAtFault() {
        ResponseEntity<JsonNode> wrongUnit = api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(Api.uniqueCode("X"), chemicals, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "ppm", null, null, null));
        ResponseEntity<JsonNode> toxicWithoutOel = api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(Api.uniqueCode("X"), chemicals, "GAS_DETECTOR", "TOXIC_GAS", "mg/m3", null, null, null));
        ResponseEntity<JsonNode> unknownEnterprise = api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(
                        Api.uniqueCode("X"),
                        Province.unknownCode(),
                        "GAS_DETECTOR",
                        "COMBUSTIBLE_GAS",
                        "%LEL",
                        null,
                        null,
                        null));

        assertThat(wrongUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongUnit.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("unit");
        assertThat(toxicWithoutOel.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("oel");
        assertThat(unknownEnterprise
                        .getBody()
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("enterprise");
    }

    @Test
    void aSecondPointWithTheSameCodeIsAConflict() {
        String code = Api.uniqueCode("DUP");
        var point = Api.point(code, chemicals, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, null);
        api.registerPoint(TestTokens.policyAdmin(), point);

        ResponseEntity<JsonNode> again = api.registerPoint(TestTokens.policyAdmin(), point);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:conflict");
    }
}

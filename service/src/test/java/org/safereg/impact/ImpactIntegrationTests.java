package org.safereg.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.rulesets.RuleSetApi.ALARMS;
import static org.safereg.rulesets.RuleSetApi.CREDIT;
import static org.safereg.rulesets.RuleSetApi.SHEET;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.rulesets.RuleSetApi;
import org.safereg.support.EventStream;
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

/** Before activating, policy staff see what a version would do to real enterprises, and nothing changes. */
@IntegrationTest
class ImpactIntegrationTests {

    private static final String VIEWER = TestTokens.token("viewer", List.of("POLICY_VIEWER"), null);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    RuleSetApi api;
    Http http;
    String active;
    Province.Enterprise middling;
    Province.Enterprise exemplary;

    @BeforeEach
    void twoEnterprisesWithTheirCredit() throws InterruptedException {
        api = new RuleSetApi(rest);
        http = new Http(rest);
        active = api.versionInForce();
        for (String table : new String[] {"alarm_events", "alarms", "monitoring_points"}) {
            jdbc.update("DELETE FROM " + table);
        }
        Province province = Province.reset(jdbc, redis);
        // 79.5 points, B; and 100 points, A
        middling = province.middlingChemicalPlant();
        exemplary = province.exemplaryChemicalPlant();
        assertThat(http.post("/api/v1/credit/evaluations", TestTokens.policyAdmin(), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        for (int i = 0; i < 100 && tier(middling) == null; i++) {
            Thread.sleep(100);
        }
        assertThat(tier(middling)).isEqualTo("B");
    }

    @Test
    void stricterTierCutOffsShowWhoseTierAndRiskWouldChangeByRegionAndSectorAndChangeNothing() {
        String stricter = upload(Map.of(
                CREDIT,
                RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "C49", 85).andThen(RuleSetApi.set(SHEET, "D50", 85)))));
        long creditRows = count("credit_history");
        long riskRows = count("risk_history");
        List<Map<String, Object>> creditBefore = decisions("credit_results");
        List<Map<String, Object>> riskBefore = decisions("risk_results");

        ResponseEntity<JsonNode> simulated = http.post("/api/v1/rule-sets/" + stricter + "/impact", VIEWER, null);

        assertThat(simulated.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode impact = simulated.getBody();
        assertThat(impact.path("against").asText()).isEqualTo(active);
        JsonNode credit = impact.path("credit");
        assertThat(credit.path("enterprises").asInt()).isEqualTo(2);
        assertThat(credit.path("changed").asInt()).isEqualTo(1);
        assertThat(credit.path("down").asInt()).isEqualTo(1);
        assertThat(credit.path("changes")).singleElement().satisfies(change -> {
            assertThat(change.path("code").asText()).isEqualTo(middling.code());
            assertThat(change.path("name").asText()).isEqualTo("中游化工有限公司");
            assertThat(change.path("before").asText()).isEqualTo("B");
            assertThat(change.path("after").asText()).isEqualTo("C");
            assertThat(change.path("scoreAfter").asDouble()).isEqualTo(79.5);
        });
        assertThat(credit.path("groups")).singleElement().satisfies(group -> {
            assertThat(group.path("region").asText()).isEqualTo("149901");
            assertThat(group.path("regionName").asText()).isEqualTo("测试县");
            assertThat(group.path("sector").asText()).isEqualTo("HAZARDOUS_CHEMICALS");
            assertThat(group.path("changed").asInt()).isEqualTo(1);
            assertThat(group.path("down").asInt()).isEqualTo(1);
        });
        // risk-level.xlsx: tier C is at least YELLOW; the candidate's risk goes with its own tiers
        JsonNode risk = impact.path("risk");
        assertThat(risk.path("changed").asInt()).isEqualTo(1);
        assertThat(risk.path("changes").get(0).path("before").asText()).isEqualTo("BLUE");
        assertThat(risk.path("changes").get(0).path("after").asText()).isEqualTo("YELLOW");
        JsonNode inspection = impact.path("inspection");
        assertThat(inspection.path("byTier"))
                .extracting(t -> t.path("tier").asText())
                .contains("B", "C");
        assertThat(inspection.path("gapsAfter").asInt()).isZero();

        // nothing was decided for real
        assertThat(api.versionInForce()).isEqualTo(active);
        assertThat(tier(middling)).isEqualTo("B");
        assertThat(count("credit_history")).isEqualTo(creditRows);
        assertThat(count("risk_history")).isEqualTo(riskRows);
        // every stored decision as it was, down to its evaluation time: the simulation wrote no result
        assertThat(decisions("credit_results")).isEqualTo(creditBefore);
        assertThat(decisions("risk_results")).isEqualTo(riskBefore);
        assertThat(http.get("/api/v1/rule-sets/" + stricter + "/impact", VIEWER).getBody())
                .isEqualTo(impact);
    }

    @Test
    void askedNotToWaitItAnswersAJobWhoseEventsFollowItToTheSameReport() throws Exception {
        String stricter = upload(Map.of(
                CREDIT,
                RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "C49", 85).andThen(RuleSetApi.set(SHEET, "D50", 85)))));
        long creditRows = count("credit_history");

        ResponseEntity<JsonNode> accepted =
                http.post("/api/v1/rule-sets/" + stricter + "/impact?wait=false", VIEWER, null);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode job = accepted.getBody();
        assertThat(accepted.getHeaders().getLocation())
                .hasToString("/api/v1/jobs/" + job.path("id").asLong());
        assertThat(job.path("kind").asText()).isEqualTo("IMPACT_SIMULATION");
        assertThat(job.path("state").asText()).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(job.path("requestedBy").asText()).isEqualTo("viewer");
        JsonNode finished;
        try (EventStream stream = EventStream.open(
                URI.create(rest.getRootUri() + "/api/v1/jobs/" + job.path("id").asLong() + "/events"), VIEWER)) {
            List<EventStream.Event> events = stream.until("finished", Duration.ofSeconds(60));
            assertThat(events).last().extracting(EventStream.Event::name).isEqualTo("finished");
            assertThat(events.stream().map(e -> e.data().path("done").asLong()).toList())
                    .isSorted();
            finished = events.get(events.size() - 1).data();
        }

        assertThat(finished.path("state").asText()).isEqualTo("SUCCEEDED");
        // every enterprise twice (credit, risk), no monitoring points
        assertThat(finished.path("total").asLong()).isEqualTo(4);
        assertThat(finished.path("done").asLong()).isEqualTo(4);
        assertThat(finished.path("result").asText())
                .isEqualTo("/api/v1/rule-sets/" + stricter + "/impact?against=" + active);
        JsonNode report = http.get(finished.path("result").asText(), VIEWER).getBody();
        assertThat(report.path("credit").path("changed").asInt()).isEqualTo(1);
        assertThat(report.path("credit").path("changes").get(0).path("code").asText())
                .isEqualTo(middling.code());
        assertThat(tier(middling)).isEqualTo("B");
        assertThat(count("credit_history")).isEqualTo(creditRows);
    }

    @Test
    void aVersionThatOnlyRewordsTheNotesChangesNothing() {
        String reworded = upload(
                Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "C3", "Notes reworded after review"))));

        JsonNode impact = http.post("/api/v1/rule-sets/" + reworded + "/impact", VIEWER, null)
                .getBody();

        assertThat(impact.path("credit").path("changed").asInt()).isZero();
        assertThat(impact.path("risk").path("changed").asInt()).isZero();
        assertThat(impact.path("alarms").path("differently").asInt()).isZero();
        assertThat(impact.path("inspection").path("visitsAfter").asDouble())
                .isEqualTo(impact.path("inspection").path("visitsBefore").asDouble());
    }

    @Test
    void aLowerGasSetpointShowsWhichLatestReadingsWouldAlarmAndRaisesNoAlarm() {
        String point = "IMPACT-GAS-1";
        assertThat(http.post(
                                "/api/v1/monitoring-points",
                                TestTokens.policyAdmin(),
                                """
                                {"code": "%s", "enterprise": "%s", "equipmentType": "GAS_DETECTOR", "equipmentId": "T-1",
                                 "equipmentName": "罐区可燃气体探测器", "processUnit": "U-1", "metric": "COMBUSTIBLE_GAS",
                                 "unit": "%%LEL"}
                                """
                                        .formatted(point, exemplary.code()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        JsonNode taken = http.post(
                        "/api/v1/readings",
                        TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null),
                        """
                        {"readings": [{"sensor": "%s", "at": "%s", "value": 22, "unit": "%%LEL"}]}
                        """
                                .formatted(point, Instant.now().minusSeconds(5)))
                .getBody();
        assertThat(taken.path("accepted").asInt()).isEqualTo(1);
        // level 1 from 20 %LEL instead of 25
        String lower = upload(Map.of(ALARMS, RuleSetApi.edited(ALARMS, RuleSetApi.set("Alarm thresholds", "I10", 20))));

        JsonNode alarms = http.post("/api/v1/rule-sets/" + lower + "/impact", VIEWER, null)
                .getBody()
                .path("alarms");

        assertThat(alarms.path("readings").asInt()).isEqualTo(1);
        assertThat(alarms.path("differently").asInt()).isEqualTo(1);
        assertThat(alarms.path("raised").asInt()).isEqualTo(1);
        assertThat(alarms.path("changes")).singleElement().satisfies(change -> {
            assertThat(change.path("point").asText()).isEqualTo(point);
            assertThat(change.path("value").asDouble()).isEqualTo(22.0);
            assertThat(change.has("before")).as("no level before: normal").isFalse();
            assertThat(change.path("after").asInt()).isEqualTo(1);
        });
        assertThat(count("alarms")).isZero();
    }

    @Test
    void aVersionThatLeavesRegisteredPointsWithoutThresholdsSaysWhichOnes() {
        String point = "IMPACT-GAS-2";
        assertThat(http.post(
                                "/api/v1/monitoring-points",
                                TestTokens.policyAdmin(),
                                """
                                {"code": "%s", "enterprise": "%s", "equipmentType": "GAS_DETECTOR", "equipmentId": "T-2",
                                 "equipmentName": "罐区可燃气体探测器", "metric": "COMBUSTIBLE_GAS", "unit": "%%LEL"}
                                """
                                        .formatted(point, exemplary.code()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        // the combustible-gas rows now name another equipment class: GAS_DETECTOR points lose their thresholds
        ResponseEntity<JsonNode> uploaded = api.upload(
                RuleSetApi.admin("policy-officer-li"), "impact test", Map.of(ALARMS, RuleSetApi.edited(ALARMS, book -> {
                    RuleSetApi.set("Alarm thresholds", "D10", "FIXED_GAS_DETECTOR")
                            .accept(book);
                    RuleSetApi.set("Alarm thresholds", "D11", "FIXED_GAS_DETECTOR")
                            .accept(book);
                })));
        String renamed = uploaded.getBody().path("version").asText();
        assertThat(uploaded.getBody().path("warnings").findValuesAsText("message"))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("1 registered monitoring points would have no alarm threshold")
                        .contains(point));

        JsonNode alarms = http.post("/api/v1/rule-sets/" + renamed + "/impact", VIEWER, null)
                .getBody()
                .path("alarms");

        assertThat(alarms.path("uncoveredPoints").asInt()).isEqualTo(1);
        assertThat(alarms.path("uncovered").get(0).path("point").asText()).isEqualTo(point);
        assertThat(alarms.path("uncovered").get(0).path("equipmentType").asText())
                .isEqualTo("GAS_DETECTOR");
    }

    @Test
    void unknownAndRejectedVersionsAreRefused() {
        assertThat(http.post("/api/v1/rule-sets/" + "0".repeat(64) + "/impact", VIEWER, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> rejected = api.upload(
                RuleSetApi.admin("policy-officer-li"),
                "broken",
                Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "F23", "=40+10"))));
        String version = rejected.getBody().path("version").asText();
        assertThat(version).isNotBlank();
        assertThat(http.post("/api/v1/rule-sets/" + version + "/impact", VIEWER, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.get("/api/v1/rule-sets/" + active + "/impact?against=" + active, VIEWER)
                        .getStatusCode())
                .isIn(HttpStatus.OK, HttpStatus.NOT_FOUND);
    }

    private String upload(Map<String, byte[]> files) {
        ResponseEntity<JsonNode> uploaded = api.upload(RuleSetApi.admin("policy-officer-li"), "impact test", files);
        assertThat(uploaded.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        return uploaded.getBody().path("version").asText();
    }

    private String tier(Province.Enterprise enterprise) {
        List<String> tiers = jdbc.queryForList(
                "SELECT tier FROM credit_results WHERE enterprise_id = ?", String.class, enterprise.id());
        return tiers.isEmpty() ? null : tiers.get(0);
    }

    /** Each stored decision's enterprise, content, version and evaluation time, in enterprise order. */
    private List<Map<String, Object>> decisions(String table) {
        return jdbc.queryForList("SELECT enterprise_id, content_hash, rule_set_version, evaluated_at FROM " + table
                + " ORDER BY enterprise_id");
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}

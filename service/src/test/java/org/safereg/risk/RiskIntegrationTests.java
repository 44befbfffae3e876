package org.safereg.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.hazards.HazardsChanged;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class RiskIntegrationTests {

    private static final String GATEWAY = TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null);
    private static final String REGULATOR = TestTokens.token("duty-officer", List.of("REGULATOR"), null);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RiskRecompute recompute;

    @Autowired
    ApplicationEventPublisher events;

    private Province province;

    @BeforeEach
    void anEmptyProvince() {
        province = Province.reset(jdbc, redis);
    }

    /** Other test classes empty the enterprises table, which these rows refer to. */
    @AfterEach
    void removeMonitoringRows() {
        settle();
        for (String table : new String[] {"alarm_events", "alarms", "monitoring_points"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @Test
    void aLevel2AlarmOnAPointMakesItsEnterpriseOrangeUntilTheAlarmIsCleared() {
        String plant =
                province.enterprise("报警化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        String neighbour =
                province.enterprise("邻居化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        recompute.recomputeAll("TEST");
        assertThat(risk(plant).path("level").asText()).isEqualTo("BLUE");
        String sensor = "GT-RISK-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("code", sensor);
        point.put("enterprise", plant);
        point.put("equipmentType", "GAS_DETECTOR");
        point.put("equipmentId", "R-1");
        point.put("equipmentName", "反应釜 1");
        point.put("processUnit", "U-100");
        point.put("metric", "COMBUSTIBLE_GAS");
        point.put("unit", "%LEL");
        assertThat(post("/api/v1/monitoring-points", TestTokens.policyAdmin(), point)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        // 52 %LEL is over the GB/T 50493 level-2 setpoint of 50 %LEL
        post("/api/v1/readings", GATEWAY, readings(reading(sensor, t0, 52)));

        JsonNode raised = riskOnceSettled(plant, "ORANGE");
        assertThat(raised.path("level").asText()).isEqualTo("ORANGE");
        JsonNode reason = raised.path("reasons").get(0);
        assertThat(reason.path("fact").asText()).isEqualTo("ALARMS");
        assertThat(reason.path("detail").asText()).isEqualTo("1 open level-2 alarm");
        assertThat(reason.path("decisive").asBoolean()).isTrue();
        assertThat(reason.path("rule").path("file").asText()).isEqualTo("decision-tables/risk-level.xlsx");
        assertThat(reason.path("rule").path("sheet").asText()).isEqualTo("Risk level");
        assertThat(reason.path("rule").path("table").asText()).isEqualTo("Open alarms");
        assertThat(reason.path("rule").path("row").asInt()).isPositive();
        assertThat(raised.path("inputs").path("openLevel2Alarms").asInt()).isEqualTo(1);
        assertThat(risk(neighbour).path("level").asText()).isEqualTo("BLUE");

        // back to normal the alarm is still latched: the enterprise stays orange until a person acknowledges it
        post("/api/v1/readings", GATEWAY, readings(reading(sensor, t0.plusSeconds(60), 5)));
        settle();
        assertThat(risk(plant).path("level").asText()).isEqualTo("ORANGE");
        long alarm = alarmIdOf(plant);
        assertThat(post("/api/v1/alarms/" + alarm + "/acknowledgement", REGULATOR, null)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("CLEARED");

        JsonNode cleared = riskOnceSettled(plant, "BLUE");
        assertThat(cleared.path("level").asText()).isEqualTo("BLUE");
        assertThat(cleared.path("inputs").path("openLevel2Alarms").asInt()).isZero();
        JsonNode history = get("/api/v1/enterprises/" + plant + "/risk/history", TestTokens.policyAdmin())
                .getBody();
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("level").asText()).isEqualTo("BLUE");
        assertThat(history.get(0).path("previousLevel").asText()).isEqualTo("ORANGE");
        assertThat(history.get(0).path("cause").asText()).isEqualTo("ALARMS");
        assertThat(history.get(1).path("level").asText()).isEqualTo("ORANGE");
        assertThat(history.get(1).path("cause").asText()).isEqualTo("ALARMS");
        assertThat(history.get(2).path("previousLevel").isMissingNode()).isTrue();
        assertThat(history.get(2).path("cause").asText()).isEqualTo("TEST");
    }

    @Test
    void anOverdueMajorHazardMakesItsEnterpriseRedOnceItsChangeIsAnnounced() {
        LocalDate today = LocalDate.now();
        Province.Enterprise late = province.enterprise("逾期化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .hazard("MAJOR", "特种作业无证上岗", today.plusDays(10), null)
                .hazard("MAJOR", "设备老化", today.minusDays(30), today.minusDays(31));
        String onTime = province.enterprise("按期化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .hazard("MAJOR", "特种作业无证上岗", today, null)
                .code();
        recompute.recomputeAll("TEST");
        assertThat(risk(late.code()).path("level").asText()).isEqualTo("BLUE");

        // the deadline passes without rectification, and whoever records hazards says so
        jdbc.update(
                "UPDATE hazards SET deadline = ? WHERE enterprise_id = ? AND rectified_on IS NULL",
                today.minusDays(1),
                late.id());
        events.publishEvent(HazardsChanged.of(late.id()));

        JsonNode red = riskOnceSettled(late.code(), "RED");
        assertThat(red.path("level").asText()).isEqualTo("RED");
        assertThat(red.path("reasons").get(0).path("detail").asText()).isEqualTo("1 overdue major hazard");
        assertThat(red.path("reasons").get(0).path("rule").path("table").asText())
                .isEqualTo("Overdue hazards");
        assertThat(red.path("inputs").path("overdueMajorHazards").asInt()).isEqualTo(1);
        // a deadline of today is not passed yet; a hazard rectified late is no longer open
        assertThat(risk(onTime).path("level").asText()).isEqualTo("BLUE");
        assertThat(get("/api/v1/enterprises/" + late.code() + "/risk/history", TestTokens.policyAdmin())
                        .getBody()
                        .get(0)
                        .path("cause")
                        .asText())
                .isEqualTo("HAZARDS");
    }

    @Test
    void aCreditRunThatDropsAnEnterpriseToTierDMakesItOrange() throws Exception {
        LocalDate today = LocalDate.now();
        String vetoed = province.enterprise("事故化工有限公司", "OTHER", "VALID")
                .training(today.getYear(), 10, 10)
                .drill(today.minusMonths(1), true)
                .accident(today.minusMonths(2), "SERIOUS", 10, false)
                .code();
        String clean = province.enterprise("守信商贸有限公司", "OTHER", "VALID")
                .training(today.getYear(), 10, 10)
                .drill(today.minusMonths(1), true)
                .code();
        recompute.recomputeAll("TEST");
        assertThat(risk(vetoed).path("inputs").path("creditTier").isMissingNode())
                .isTrue();

        JsonNode job = post("/api/v1/credit/evaluations", TestTokens.policyAdmin(), null)
                .getBody();
        awaitCreditJob(job.path("id").asLong());

        JsonNode orange = riskOnceSettled(vetoed, "ORANGE");
        assertThat(orange.path("level").asText()).isEqualTo("ORANGE");
        assertThat(orange.path("inputs").path("creditTier").asText()).isEqualTo("D");
        assertThat(orange.path("reasons").get(0).path("detail").asText()).isEqualTo("credit tier D");
        assertThat(orange.path("reasons").get(0).path("rule").path("table").asText())
                .isEqualTo("Credit tier");
        assertThat(get("/api/v1/enterprises/" + vetoed + "/risk/history", TestTokens.policyAdmin())
                        .getBody()
                        .get(0)
                        .path("cause")
                        .asText())
                .isEqualTo("CREDIT");
        JsonNode blue = risk(clean);
        assertThat(blue.path("level").asText()).isEqualTo("BLUE");
        assertThat(blue.path("inputs").path("creditTier").asText()).isEqualTo("A");
    }

    @Test
    void aBurstOfChangesFromManyThreadsRecomputesEveryEnterpriseItNames() throws Exception {
        LocalDate today = LocalDate.now();
        List<Province.Enterprise> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // trained and drilled: the credit the hazard events also re-evaluate stays A
            burst.add(province.enterprise("批量化工" + i, "OTHER", "VALID")
                    .training(today.getYear(), 10, 10)
                    .drill(today.minusMonths(1), true));
        }
        String untouched = province.enterprise("旁观商贸有限公司", "OTHER", "VALID").code();
        recompute.recomputeAll("TEST");
        jdbc.update(
                "INSERT INTO hazards (enterprise_id, source, grade, description, found_on, deadline)"
                        + " SELECT id, 'SELF_CHECK', 'GENERAL', '消防通道堵塞', ?, ? FROM enterprises",
                today.minusDays(20),
                today.minusDays(2));

        // as from concurrent readings batches, each announcing its own enterprises after its commit
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);
        for (Province.Enterprise enterprise : burst) {
            threads.submit(() -> events.publishEvent(HazardsChanged.of(enterprise.id())));
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();

        riskOnceSettled(burst.get(burst.size() - 1).code(), "YELLOW");
        for (Province.Enterprise enterprise : burst) {
            assertThat(risk(enterprise.code()).path("level").asText()).isEqualTo("YELLOW");
        }
        // its hazard is overdue too, but nobody said so yet: the nightly run will pick it up
        assertThat(risk(untouched).path("level").asText()).isEqualTo("BLUE");
    }

    @Test
    void aSecondRunRewritesNothingAndTheReadModelServesTheLevel() {
        province.enterprise("稳定矿业有限公司", "COAL_MINE", "VALID");
        String source = province.enterprise("储罐化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .majorHazardSource(1)
                .code();

        RiskAssessments.Run first = recompute.recomputeAll("TEST");
        RiskAssessments.Run second = recompute.recomputeAll("TEST");

        assertThat(first.rewritten()).isEqualTo(2);
        assertThat(first.changed()).isEqualTo(2);
        assertThat(second.processed()).isEqualTo(2);
        assertThat(second.rewritten()).isZero();
        assertThat(second.changed()).isZero();
        JsonNode risk = risk(source);
        assertThat(risk.path("servedFrom").asText()).isEqualTo("redis");
        assertThat(risk.path("level").asText()).isEqualTo("ORANGE");
        assertThat(risk.path("reasons").get(0).path("detail").asText())
                .isEqualTo("sector HAZARDOUS_CHEMICALS, major hazard source level 1");
        assertThat(risk.path("ruleSetVersion").asText()).hasSize(64);
        assertThat(risk.path("firedRules")).isNotEmpty();
        assertThat(risk.path("provenance").path("rules")).isEqualTo(risk.path("firedRules"));
        assertThat(risk.path("provenance").path("ruleSetVersion")).isEqualTo(risk.path("ruleSetVersion"));
        assertThat(redis.opsForHash().get("safereg:risk:" + source, "level")).isEqualTo("ORANGE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_history", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aReadModelThatMissedWritesIsServedFromMysqlUntilTheNextFullRunRebuildsIt() {
        String code = province.enterprise("缓存矿业有限公司", "COAL_MINE", "VALID").code();
        recompute.recomputeAll("TEST");
        // as after a write Redis did not take: the entry is gone and the mark says so
        redis.delete("safereg:risk:" + code);
        jdbc.update("UPDATE read_models SET stale = TRUE WHERE name = 'risk'");

        JsonNode fromMysql = risk(code);
        recompute.recomputeAll("TEST");
        JsonNode rebuilt = risk(code);

        assertThat(fromMysql.path("servedFrom").asText()).isEqualTo("mysql");
        assertThat(fromMysql.path("level").asText()).isEqualTo("YELLOW");
        assertThat(rebuilt.path("servedFrom").asText()).isEqualTo("redis");
        assertThat(rebuilt.path("level").asText()).isEqualTo("YELLOW");
        assertThat(jdbc.queryForObject("SELECT stale FROM read_models WHERE name = 'risk'", Boolean.class))
                .isFalse();
    }

    @Test
    void anEnterpriseReadsItsOwnRiskAndNoOtherOneAndNoListing() {
        String own = province.enterprise("自己化工有限公司", "OTHER", "VALID").code();
        String other = province.enterprise("别家化工有限公司", "OTHER", "VALID").code();
        recompute.recomputeAll("TEST");
        String token = TestTokens.enterprise(own);

        assertThat(get("/api/v1/enterprises/" + own + "/risk", token).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> foreign = get("/api/v1/enterprises/" + other + "/risk", token);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(foreign.getBody().path("detail").asText()).contains(own).contains(other);
        assertThat(get("/api/v1/enterprises/" + other + "/risk/history", token).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/risk/enterprises", token).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/risk/heat-map", token).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/risk/evaluations", token, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theHeatMapCountsWhatTheListingShowsWithTheMainOpenHazardsOfEachCell() {
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 3; i++) {
            province.enterprise("低风险商贸" + i, "OTHER", "VALID");
        }
        for (int i = 0; i < 2; i++) {
            province.enterprise("逾期化工" + i, "HAZARDOUS_CHEMICALS", "VALID")
                    .hazard("MAJOR", "特种作业无证上岗", today.minusDays(5), null)
                    .hazard("GENERAL", "设备老化", today.plusDays(5), null)
                    .hazard("GENERAL", "消防通道堵塞", today.minusDays(400), today.minusDays(401));
        }
        province.enterprise("一般化工", "HAZARDOUS_CHEMICALS", "VALID")
                .majorHazardSource(3)
                .hazard("GENERAL", "标识模糊", today.plusDays(5), null);
        province.enterprise("煤矿", "COAL_MINE", "VALID");
        recompute.recomputeAll("TEST");

        JsonNode map = get("/api/v1/risk/heat-map?region=149900", REGULATOR).getBody();

        assertThat(map.path("regionName").asText()).isEqualTo("测试市");
        Map<String, Integer> cells = new HashMap<>();
        map.path("cells").forEach(cell -> {
            assertThat(cell.path("region").asText()).isEqualTo("149901");
            assertThat(cell.path("regionName").asText()).isEqualTo("测试县");
            cells.put(
                    cell.path("sector").asText() + "/" + cell.path("level").asText(),
                    cell.path("enterprises").asInt());
        });
        assertThat(cells)
                .containsOnly(
                        Map.entry("OTHER/BLUE", 3),
                        Map.entry("HAZARDOUS_CHEMICALS/RED", 2),
                        Map.entry("HAZARDOUS_CHEMICALS/YELLOW", 1),
                        Map.entry("COAL_MINE/YELLOW", 1));
        for (String level : List.of("RED", "ORANGE", "YELLOW", "BLUE")) {
            int listed = listAll("/api/v1/risk/enterprises?region=149900&level=" + level)
                    .size();
            assertThat(map.path("totals").path(level).asInt()).as(level).isEqualTo(listed);
        }
        JsonNode red = cell(map, "HAZARDOUS_CHEMICALS", "RED");
        assertThat(red.path("mainHazards").get(0).path("description").asText()).isEqualTo("特种作业无证上岗");
        assertThat(red.path("mainHazards").get(0).path("openHazards").asInt()).isEqualTo(2);
        assertThat(red.path("mainHazards").get(1).path("description").asText()).isEqualTo("设备老化");
        assertThat(red.path("mainHazards")).hasSize(2);
        assertThat(listAll("/api/v1/risk/enterprises?sector=HAZARDOUS_CHEMICALS"))
                .hasSize(3);
        // one level up, the province is split into cities: the test county's city is one cell row
        JsonNode province =
                get("/api/v1/risk/heat-map?region=140000", REGULATOR).getBody();
        assertThat(province.path("cells"))
                .allSatisfy(cell -> assertThat(cell.path("region").asText()).isEqualTo("149900"));
        assertThat(province.path("totals")).isEqualTo(map.path("totals"));
        assertThat(get("/api/v1/risk/heat-map?region=110000", REGULATOR)
                        .getBody()
                        .path("cells"))
                .isEmpty();
    }

    @Test
    void badFiltersAreSpecificProblems() {
        for (String query : List.of("level=PURPLE", "region=1499", "sector=FIREWORKS", "after=not-a-code")) {
            ResponseEntity<JsonNode> response = get("/api/v1/risk/enterprises?" + query, REGULATOR);
            assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:invalid-input");
        }
        ResponseEntity<JsonNode> level = get("/api/v1/risk/enterprises?level=PURPLE", REGULATOR);
        assertThat(level.getBody().path("errors").get(0).path("field").asText()).isEqualTo("level");
        assertThat(get("/api/v1/risk/heat-map?region=abc", REGULATOR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/v1/enterprises/not-a-code/risk", REGULATOR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> unknown = get("/api/v1/enterprises/" + Province.unknownCode() + "/risk", REGULATOR);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:not-found");
        String notYet = province.enterprise("新设商贸有限公司", "OTHER", "VALID").code();
        assertThat(get("/api/v1/enterprises/" + notYet + "/risk", REGULATOR)
                        .getBody()
                        .path("detail")
                        .asText())
                .contains("has not been evaluated yet");
    }

    @Test
    void aPolicyAdminStartsAFullRecompute() {
        String code = province.enterprise("请求商贸有限公司", "OTHER", "VALID").code();

        ResponseEntity<JsonNode> started = post("/api/v1/risk/evaluations", TestTokens.policyAdmin(), null);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(riskOnceSettled(code, "BLUE").path("level").asText()).isEqualTo("BLUE");
        assertThat(get("/api/v1/enterprises/" + code + "/risk/history", TestTokens.policyAdmin())
                        .getBody()
                        .get(0)
                        .path("cause")
                        .asText())
                .isEqualTo("REQUEST");
    }

    /**
     * The risk once the recomputes set off so far are done; a recompute runs after the change's commit on
     * another thread, so a level still being written is waited for (never longer than 20 s).
     */
    private JsonNode riskOnceSettled(String code, String expectedLevel) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            settle();
            ResponseEntity<JsonNode> response = get("/api/v1/enterprises/" + code + "/risk", TestTokens.policyAdmin());
            if (response.getStatusCode() == HttpStatus.OK
                            && response.getBody().path("level").asText().equals(expectedLevel)
                    || System.currentTimeMillis() > deadline) {
                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(response.getBody().path("level").asText()).isEqualTo(expectedLevel);
                return response.getBody();
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void settle() {
        assertThat(recompute.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    private void awaitCreditJob(long id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String state = get("/api/v1/credit/evaluations/" + id, TestTokens.policyAdmin())
                    .getBody()
                    .path("state")
                    .asText();
            if (!"RUNNING".equals(state)) {
                assertThat(state).isEqualTo("SUCCEEDED");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("credit job " + id + " still running");
    }

    private static JsonNode cell(JsonNode map, String sector, String level) {
        for (JsonNode cell : map.path("cells")) {
            if (cell.path("sector").asText().equals(sector)
                    && cell.path("level").asText().equals(level)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + sector + "/" + level);
    }

    /** Every item of a listing, two at a time through the keyset pages. */
    private List<JsonNode> listAll(String query) {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = get(query + "&limit=2" + (after == null ? "" : "&after=" + after), REGULATOR)
                    .getBody();
            page.path("items").forEach(items::add);
            after = page.path("next").isMissingNode() || page.path("next").isNull()
                    ? null
                    : page.path("next").asText();
        } while (after != null);
        return items;
    }

    private long alarmIdOf(String enterprise) {
        JsonNode alarms = get("/api/v1/alarms?enterprise=" + enterprise, REGULATOR)
                .getBody()
                .path("items");
        assertThat(alarms).hasSize(1);
        return alarms.get(0).path("id").asLong();
    }

    private static Map<String, Object> readings(Map<String, Object> reading) {
        return Map.of("readings", List.of(reading));
    }

    private static Map<String, Object> reading(String sensor, Instant at, double value) {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("sensor", sensor);
        reading.put("at", at.toString());
        reading.put("value", value);
        reading.put("unit", "%LEL");
        return reading;
    }

    private JsonNode risk(String code) {
        ResponseEntity<JsonNode> response = get("/api/v1/enterprises/" + code + "/risk", TestTokens.policyAdmin());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, String token, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), JsonNode.class);
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}

package org.safereg.positioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.MovableClock;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@Import(PositioningIntegrationTests.Clocks.class)
@TestPropertySource(properties = "safereg.positioning.max-body-bytes=65536")
class PositioningIntegrationTests {

    private static final String GATEWAY = TestTokens.token("mine-gateway", List.of("SENSOR_GATEWAY"), null);
    private static final String REGULATOR = TestTokens.token("duty-officer", List.of("REGULATOR"), null);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MovableClock clock;

    @Autowired
    Positions positions;

    private String mine;
    private String otherMine;
    private Instant t0;

    @BeforeEach
    void twoCoalMines() {
        clock.reset();
        Province province = Province.reset(jdbc, redis);
        mine = province.enterprise("定位煤业有限公司", "COAL_MINE", "VALID").code();
        otherMine = province.enterprise("邻矿煤业有限公司", "COAL_MINE", "VALID").code();
        t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Other test classes empty the enterprises table, which these rows refer to. */
    @AfterEach
    void removeRows() {
        clock.reset();
        Province.reset(jdbc, redis);
    }

    @Test
    void aPersonEnteringARestrictedAreaRaisesOneAlarmNamingTheCardAndItClearsOnceLeftAndAcknowledged() {
        String area = area("RESTRICTED", null, null);

        JsonNode entered = positions(event("C0001", area, "ENTER", 0)).getBody();

        assertThat(entered.path("accepted").asInt()).isEqualTo(1);
        assertThat(entered.path("alarms")).hasSize(1);
        JsonNode change = entered.path("alarms").get(0);
        assertThat(change.path("point").asText()).isEqualTo(area + ":ENTRY");
        assertThat(change.path("event").asText()).isEqualTo("RAISED");
        assertThat(change.path("level").asInt()).isEqualTo(2);
        assertThat(change.path("persons")).extracting(JsonNode::asText).containsExactly("C0001");
        JsonNode alarm = onlyAlarmOf(area + ":ENTRY");
        assertThat(alarm.path("metric").asText()).isEqualTo("RESTRICTED_AREA_ENTRY");
        assertThat(alarm.path("rule").path("file").asText()).isEqualTo("decision-tables/alarm-thresholds.xlsx");
        long id = alarm.path("id").asLong();

        // a second person in the same open episode: no second alarm, but the alarm names both
        JsonNode second = positions(event("C0002", area, "ENTER", 5)).getBody();
        assertThat(second.path("alarms")).isEmpty();
        assertThat(cardsOf(id)).containsExactly("C0001", "C0002");

        JsonNode left = positions(event("C0001", area, "LEAVE", 60), event("C0002", area, "LEAVE", 61))
                .getBody();
        assertThat(left.path("alarms").findValuesAsText("event")).containsExactly("NORMAL");
        assertThat(onlyAlarmOf(area + ":ENTRY").path("state").asText()).isEqualTo("RAISED");
        assertThat(post("/api/v1/alarms/" + id + "/acknowledgement", REGULATOR, null)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("CLEARED");
    }

    @Test
    void theEleventhPersonIntoAKeyAreaCappedAtTenRaisesOverCrowdingWhichClearsBelowTheCapAfterAcknowledgement() {
        String area = area("KEY", 10, null);
        List<Map<String, Object>> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ten.add(event(card(i), area, "ENTER", i));
        }
        JsonNode full = positions(ten).getBody();
        assertThat(full.path("accepted").asInt()).isEqualTo(10);
        assertThat(full.path("alarms").findValuesAsText("event")).containsExactly("RAISED");
        assertThat(full.path("alarms").get(0).path("level").asInt()).isEqualTo(1);

        JsonNode eleventh = positions(event(card(11), area, "ENTER", 20)).getBody();

        JsonNode change = eleventh.path("alarms").get(0);
        assertThat(change.path("event").asText()).isEqualTo("LEVEL_CHANGED");
        assertThat(change.path("level").asInt()).isEqualTo(2);
        assertThat(change.path("colour").asText()).isEqualTo("ORANGE");
        assertThat(change.path("persons")).hasSize(11);
        JsonNode alarm = onlyAlarmOf(area + ":OCCUPANCY");
        assertThat(alarm.path("level").asInt()).isEqualTo(2);
        assertThat(cardsOf(alarm.path("id").asLong())).contains(card(11), card(1));
        assertThat(occupancy(area, REGULATOR).path("count").asInt()).isEqualTo(11);

        // back to the cap: level 1; below it the value is normal, yet the alarm stays until acknowledged
        positions(event(card(1), area, "LEAVE", 30));
        assertThat(onlyAlarmOf(area + ":OCCUPANCY").path("level").asInt()).isEqualTo(1);
        JsonNode below = positions(event(card(2), area, "LEAVE", 31)).getBody();
        assertThat(below.path("alarms").findValuesAsText("event")).containsExactly("NORMAL");
        assertThat(onlyAlarmOf(area + ":OCCUPANCY").path("state").asText()).isEqualTo("RAISED");
        long id = alarm.path("id").asLong();
        assertThat(post("/api/v1/alarms/" + id + "/acknowledgement", REGULATOR, null)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("CLEARED");
        assertThat(occupancy(area, REGULATOR).path("count").asInt()).isEqualTo(9);
    }

    @Test
    void aStayOverTheDwellLimitRaisesAnAlarmThroughTheSweepNamingOnlyTheCardsOverTheLimit() {
        String area = area("DANGER", null, 30);
        positions(event("D0001", area, "ENTER", 0));
        positions(event("D0002", area, "ENTER", 540));

        assertThat(positions.sweepDwell()).isEmpty();

        // 10 minutes before t0 plus 21 minutes: D0001 has been in for 31 minutes, D0002 for 22
        clock.advance(Duration.ofMinutes(21));
        List<PositionResult.AreaAlarm> swept = positions.sweepDwell();

        assertThat(swept).hasSize(1);
        assertThat(swept.get(0).event()).isEqualTo("RAISED");
        assertThat(swept.get(0).point()).isEqualTo(area + ":DWELL");
        assertThat(swept.get(0).persons()).containsExactly("D0001");
        JsonNode alarm = onlyAlarmOf(area + ":DWELL");
        assertThat(alarm.path("value").asDouble()).isGreaterThanOrEqualTo(30.0);
        assertThat(alarm.path("metric").asText()).isEqualTo("DWELL_TIME");
        assertThat(alarm.path("colour").asText()).isEqualTo("YELLOW");
        assertThat(cardsOf(alarm.path("id").asLong())).containsExactly("D0001");
        JsonNode occupancy = occupancy(area, REGULATOR);
        assertThat(occupancy.path("persons").get(0).path("card").asText()).isEqualTo("D0001");
        assertThat(occupancy.path("persons").get(0).path("dwellMinutes").asDouble())
                .isGreaterThanOrEqualTo(31.0);

        // another sweep keeps the one alarm
        clock.advance(Duration.ofMinutes(1));
        assertThat(positions.sweepDwell()).isEmpty();
        assertThat(alarmsOf(area + ":DWELL")).hasSize(1);
    }

    @Test
    void everyKindOfBadEventIsRefusedOnItsOwnWithItsReasonWhileTheGoodOnesAreTaken() {
        String key = area("KEY", 10, null);
        String restricted = area("RESTRICTED", null, null);
        Instant now = Instant.now();
        Map<String, Object> inTheFuture = event("E0003", key, "ENTER", 0);
        inTheFuture.put("at", now.plus(1, ChronoUnit.HOURS).toString());
        Map<String, Object> tooOld = event("E0004", key, "ENTER", 0);
        tooOld.put("at", now.minus(3, ChronoUnit.DAYS).toString());
        Map<String, Object> noAction = event("E0005", key, "ENTER", 0);
        noAction.remove("action");
        Map<String, Object> wrongType = event("E0006", key, "ENTER", 0);
        wrongType.put("areaType", "RESTRICTED");
        Map<String, Object> badTime = event("E0007", key, "ENTER", 0);
        badTime.put("at", "yesterday");

        JsonNode result = positions(
                        event("E0001", key, "ENTER", 0),
                        event("e-1", key, "ENTER", 0),
                        event("E0002", "NO-SUCH-AREA", "ENTER", 0),
                        event("E0002", key, "LEAVE", 1),
                        event("E0001", key, "ENTER", 0),
                        inTheFuture,
                        tooOld,
                        noAction,
                        wrongType,
                        badTime,
                        event("E0001", key, "ENTER", 5),
                        event("E0008", restricted, "LEAVE", 2),
                        event("E0009", key, "ENTER", 3))
                .getBody();

        assertThat(result.path("received").asInt()).isEqualTo(13);
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        Map<Integer, String> reasons = new LinkedHashMap<>();
        result.path("rejected")
                .forEach(r ->
                        reasons.put(r.path("index").asInt(), r.path("reason").asText()));
        assertThat(reasons)
                .containsExactly(
                        Map.entry(1, "BAD_CARD"),
                        Map.entry(2, "UNKNOWN_AREA"),
                        Map.entry(3, "LEAVE_WITHOUT_ENTER"),
                        Map.entry(4, "DUPLICATE"),
                        Map.entry(5, "IN_THE_FUTURE"),
                        Map.entry(6, "TOO_OLD"),
                        Map.entry(7, "MALFORMED"),
                        Map.entry(8, "AREA_TYPE_MISMATCH"),
                        Map.entry(9, "MALFORMED"),
                        Map.entry(10, "ALREADY_INSIDE"),
                        Map.entry(11, "LEAVE_WITHOUT_ENTER"));
        result.path("rejected")
                .forEach(r -> assertThat(r.path("message").asText()).isNotBlank());
        // nothing bad is stored as if it were good
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM position_events", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT card FROM mine_area_presence ORDER BY card", String.class))
                .containsExactly("E0001", "E0009");
        assertThat(occupancy(key, REGULATOR).path("count").asInt()).isEqualTo(2);

        // the same event again in a later request is a duplicate, not a second person
        JsonNode again = positions(event("E0001", key, "ENTER", 0)).getBody();
        assertThat(again.path("rejected").get(0).path("reason").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void aBodyThatIsNotABatchIsA400ProblemAndAnOversizedOneA413() {
        ResponseEntity<JsonNode> malformed = postRaw("/api/v1/positions", GATEWAY, "{\"positions\": [");
        ResponseEntity<JsonNode> notABatch =
                postRaw("/api/v1/positions", GATEWAY, """
                {"readings": []}""");
        String big =
                "{\"positions\": [" + "{\"card\":\"C0001\",\"area\":\"A\",\"action\":\"ENTER\"},".repeat(2000) + "{}]}";
        ResponseEntity<JsonNode> oversized = postRaw("/api/v1/positions", GATEWAY, big);
        ResponseEntity<JsonNode> notAGateway =
                postRaw("/api/v1/positions", REGULATOR, """
                {"positions": []}""");

        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(notABatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notABatch.getBody().path("type").asText()).startsWith("urn:safereg:problem:");
        assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(oversized.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:payload-too-large");
        assertThat(notAGateway.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM position_events", Integer.class))
                .isZero();
    }

    @Test
    void anEnterpriseSeesTheOccupancyAndAlarmPersonsOfItsOwnAreasOnly() {
        String ours = area("RESTRICTED", null, null);
        positions(event("F0001", ours, "ENTER", 0));
        long alarm = onlyAlarmOf(ours + ":ENTRY").path("id").asLong();
        String own = TestTokens.enterprise(mine);
        String neighbour = TestTokens.enterprise(otherMine);

        JsonNode seen = occupancy(ours, own);
        assertThat(seen.path("count").asInt()).isEqualTo(1);
        assertThat(seen.path("persons").get(0).path("card").asText()).isEqualTo("F0001");
        assertThat(get("/api/v1/alarms/" + alarm + "/persons", own).getBody().findValuesAsText("card"))
                .containsExactly("F0001");

        ResponseEntity<JsonNode> foreignOccupancy = get("/api/v1/mine-areas/" + ours + "/occupancy", neighbour);
        ResponseEntity<JsonNode> foreignArea = get("/api/v1/mine-areas/" + ours, neighbour);
        ResponseEntity<JsonNode> foreignPersons = get("/api/v1/alarms/" + alarm + "/persons", neighbour);
        assertThat(foreignOccupancy.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreignArea.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreignPersons.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreignPersons.getBody().toString()).doesNotContain("F0001");
    }

    @Test
    void twoGatewaysEnteringPersonsIntoOneAreaAtOnceCountEveryPersonOnceAndRaiseOneAlarm() throws Exception {
        String area = area("KEY", 30, null);
        int perGateway = 20;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<List<Integer>>> gateways = new ArrayList<>();
            for (int g = 0; g < 2; g++) {
                int gateway = g;
                gateways.add(() -> {
                    start.await();
                    List<Integer> accepted = new ArrayList<>();
                    for (int i = 0; i < perGateway; i++) {
                        String card = "G" + gateway + String.format("%03d", i);
                        accepted.add(positions(event(card, area, "ENTER", i))
                                .getBody()
                                .path("accepted")
                                .asInt());
                    }
                    return accepted;
                });
            }
            List<Future<List<Integer>>> done = new ArrayList<>();
            for (Callable<List<Integer>> g : gateways) {
                done.add(pool.submit(g));
            }
            start.countDown();
            for (Future<List<Integer>> f : done) {
                assertThat(f.get()).containsOnly(1);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode occupancy = occupancy(area, REGULATOR);
        assertThat(occupancy.path("count").asInt()).isEqualTo(40);
        assertThat(Set.copyOf(occupancy.findValuesAsText("card"))).hasSize(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mine_area_presence", Integer.class))
                .isEqualTo(40);
        // 40 persons in an area for 30: over-crowded, one alarm episode however the batches interleaved
        JsonNode alarm = onlyAlarmOf(area + ":OCCUPANCY");
        assertThat(alarm.path("level").asInt()).isEqualTo(2);
    }

    @Test
    void whoIsWhereIsRebuiltFromMySqlWhenRedisLostIt() {
        String area = area("NORMAL", null, 60);
        positions(event("H0001", area, "ENTER", 0), event("H0002", area, "ENTER", 1));
        Set<String> keys = redis.keys("safereg:positioning:*");
        redis.delete(keys);
        assertThat(occupancy(area, REGULATOR).findValuesAsText("card"))
                .as("read from MySQL at once, not only from the next sweep")
                .containsExactly("H0001", "H0002");
        redis.delete(redis.keys("safereg:positioning:*"));

        positions.sweepDwell();

        JsonNode occupancy = occupancy(area, REGULATOR);
        assertThat(occupancy.findValuesAsText("card")).containsExactly("H0001", "H0002");
        JsonNode left = positions(event("H0001", area, "LEAVE", 120)).getBody();
        assertThat(left.path("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void eventsRightAfterRedisLostEverythingAreAppliedToWhoIsWhereAsMySqlHoldsIt() {
        String area = area("KEY", 2, null);
        positions(event("H0001", area, "ENTER", 0), event("H0002", area, "ENTER", 1));
        assertThat(onlyAlarmOf(area + ":OCCUPANCY").path("level").asInt()).isEqualTo(1);
        redis.execute((RedisConnection connection) -> {
            connection.serverCommands().flushDb();
            return null;
        });

        JsonNode third = positions(event("H0003", area, "ENTER", 30)).getBody();
        JsonNode left = positions(event("H0001", area, "LEAVE", 60)).getBody();

        assertThat(third.path("accepted").asInt()).isEqualTo(1);
        assertThat(third.path("alarms").findValuesAsText("event"))
                .as("three persons in an area capped at two, as before the loss")
                .containsExactly("LEVEL_CHANGED");
        assertThat(left.path("accepted").asInt())
                .as("%s", left.path("rejected"))
                .isEqualTo(1);
        assertThat(occupancy(area, REGULATOR).findValuesAsText("card")).containsExactly("H0002", "H0003");
    }

    @Test
    void anAreaIsRegisteredWithThePointsItsTypeNeedsAndNothingIsHalfWrittenWhenItCannotBe() {
        String code = area("KEY", 10, 480);
        JsonNode registered = get("/api/v1/mine-areas/" + code, REGULATOR).getBody();
        assertThat(registered.path("points"))
                .extracting(JsonNode::asText)
                .containsExactly(code + ":OCCUPANCY", code + ":DWELL");
        JsonNode occupancyPoint = get("/api/v1/monitoring-points/" + code + ":OCCUPANCY", REGULATOR)
                .getBody();
        assertThat(occupancyPoint.path("metric").asText()).isEqualTo("AREA_OCCUPANCY");
        assertThat(occupancyPoint.path("ratedLimit").asDouble()).isEqualTo(10.0);

        Map<String, Object> noCapacity = new LinkedHashMap<>(Map.of(
                "code", "NO-CAP-" + SEQUENCE.incrementAndGet(), "enterprise", mine, "name", "工作面", "type", "KEY"));
        ResponseEntity<JsonNode> refused = post("/api/v1/mine-areas", TestTokens.policyAdmin(), noCapacity);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("capacity");

        // the restricted area's point code is taken by a point registered by hand: neither is half-registered
        String taken = "TAKEN-" + SEQUENCE.incrementAndGet();
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("code", taken + ":ENTRY");
        point.put("enterprise", mine);
        point.put("equipmentType", "MINE_AREA");
        point.put("equipmentId", taken);
        point.put("equipmentName", "hand-made");
        point.put("metric", "RESTRICTED_AREA_ENTRY");
        point.put("unit", "persons");
        assertThat(post("/api/v1/monitoring-points", TestTokens.policyAdmin(), point)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> conflict = post(
                "/api/v1/mine-areas",
                TestTokens.policyAdmin(),
                Map.of("code", taken, "enterprise", mine, "name", "盲巷", "type", "RESTRICTED"));
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(get("/api/v1/mine-areas/" + taken, REGULATOR).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(
                                "/api/v1/mine-areas",
                                TestTokens.policyAdmin(),
                                Map.of("code", code, "enterprise", mine, "name", "again", "type", "NORMAL"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    // --- helpers ---

    private String area(String type, Integer capacity, Integer dwellLimit) {
        String code = "MA-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("enterprise", mine);
        body.put("name", "采区 " + code);
        body.put("type", type);
        body.put("capacity", capacity);
        body.put("dwellLimitMinutes", dwellLimit);
        ResponseEntity<JsonNode> created = post("/api/v1/mine-areas", TestTokens.policyAdmin(), body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return code;
    }

    private static String card(int i) {
        return String.format("K%04d", i);
    }

    private Map<String, Object> event(String card, String area, String action, int second) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("card", card);
        event.put("area", area);
        event.put("action", action);
        event.put("at", t0.plusSeconds(second).toString());
        return event;
    }

    @SafeVarargs
    private ResponseEntity<JsonNode> positions(Map<String, Object>... events) {
        return positions(List.of(events));
    }

    private ResponseEntity<JsonNode> positions(List<Map<String, Object>> events) {
        ResponseEntity<JsonNode> response = post("/api/v1/positions", GATEWAY, Map.of("positions", events));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }

    private JsonNode occupancy(String area, String token) {
        ResponseEntity<JsonNode> response = get("/api/v1/mine-areas/" + area + "/occupancy", token);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<String> cardsOf(long alarmId) {
        return get("/api/v1/alarms/" + alarmId + "/persons", REGULATOR)
                .getBody()
                .findValuesAsText("card");
    }

    private List<JsonNode> alarmsOf(String point) {
        List<JsonNode> found = new ArrayList<>();
        get("/api/v1/alarms?enterprise=" + mine, REGULATOR)
                .getBody()
                .path("items")
                .forEach(a -> {
                    if (a.path("point").asText().equals(point)) {
                        found.add(a);
                    }
                });
        return found;
    }

    private JsonNode onlyAlarmOf(String point) {
        List<JsonNode> alarms = alarmsOf(point);
        assertThat(alarms).hasSize(1);
        return alarms.get(0);
    }

    private ResponseEntity<JsonNode> post(String path, String token, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> postRaw(String path, String token, String body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), JsonNode.class);
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}

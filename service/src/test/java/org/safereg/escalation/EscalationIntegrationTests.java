package org.safereg.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.ClockControl;
import org.safereg.support.FactsChangedRecorder;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.MutableClock;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** Escalation driven by a clock the test moves: every step at its minute, once, until acknowledged. */
@IntegrationTest
@Import({ClockControl.class, FactsChangedRecorder.class})
class EscalationIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MutableClock clock;

    @Autowired
    Escalation escalation;

    private Http http;
    private Scenario scenario;
    private Province.Enterprise plant;
    private Province.Enterprise neighbour;
    private Instant started;

    @BeforeEach
    void aChemicalPlant() {
        clock.reset();
        Province province = Province.reset(jdbc, redis);
        // trained and drilled: its credit stays above D whatever one hazard does to it
        LocalDate today = LocalDate.now(clock);
        plant = province.enterprise("升级化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(today.getYear(), 40, 40)
                .training(today.getYear() - 1, 40, 40)
                .drill(today.minusMonths(2), true);
        neighbour = province.enterprise("邻居化工有限公司", "HAZARDOUS_CHEMICALS", "VALID");
        http = new Http(rest);
        scenario = new Scenario(http, jdbc);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aLevelRiseAfterTheAcknowledgementWaitsForANewOneAndEscalatesAnew() {
        String point = scenario.gasDetector(plant);
        scenario.reading(point, clock.instant().minusSeconds(60), 30);
        scenario.reading(point, clock.instant().minusSeconds(30), 30);
        long alarm = scenario.alarmOf(point);
        runAt(0);
        assertThat(scenario.acknowledge(alarm).getBody().path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(runAt(1)).isEmpty();

        JsonNode rise = scenario.reading(point, clock.instant(), 80);

        assertThat(rise.path("alarms").get(0).path("event").asText()).isEqualTo("LEVEL_CHANGED");
        Map<String, Object> row =
                jdbc.queryForMap("SELECT level, state, acknowledged_by FROM alarms WHERE id = ?", alarm);
        assertThat(row).containsEntry("level", 2).containsEntry("state", "RAISED");
        assertThat(row.get("acknowledged_by")).isNull();
        assertThat(runAt(2)).containsExactly("SAFETY_OFFICER");
        assertThat(jdbc.queryForList(
                                "SELECT step_key FROM notifications WHERE alarm_id = ? ORDER BY id DESC",
                                String.class,
                                alarm)
                        .get(0))
                .startsWith("alarm:" + alarm + "#1:");
        assertThat(scenario.acknowledge(alarm).getBody().path("state").asText())
                .as("the rise needs an acknowledgement of its own")
                .isEqualTo("ACKNOWLEDGED");
        assertThat(runAt(10)).isEmpty();
    }

    @Test
    void anUnacknowledgedLevel2AlarmReachesEachRecipientAtItsMinuteAndOnlyOnce() {
        long alarm = scenario.level2Alarm(plant, clock.instant());

        assertThat(runAt(0)).containsExactly("SAFETY_OFFICER");
        assertThat(runAt(4)).isEmpty();
        assertThat(runAt(5)).containsExactly("PRINCIPAL");
        assertThat(runAt(14)).isEmpty();
        assertThat(runAt(15)).containsExactly("COUNTY");
        assertThat(runAt(30)).containsExactly("CITY");
        assertThat(runAt(59)).isEmpty();
        assertThat(runAt(60)).containsExactly("PROVINCE");
        assertThat(runAt(180)).isEmpty();

        List<Map<String, Object>> sent = jdbc.queryForList(
                // the deciding rule, as the notification's stored provenance names it in its version
                "SELECT n.recipient, n.region_code, n.channel, r.sheet AS rule_sheet, r.sheet_row AS rule_row,"
                        + " n.published_at FROM notifications n LEFT JOIN rule_set_rules r"
                        + " ON r.version = n.rule_set_version AND r.ordinal = JSON_VALUE(n.fired_rules, '$[0]')"
                        + " WHERE n.alarm_id = ? ORDER BY n.id",
                alarm);
        assertThat(sent)
                .extracting(r -> r.get("recipient"))
                .containsExactly("SAFETY_OFFICER", "PRINCIPAL", "COUNTY", "CITY", "PROVINCE");
        assertThat(sent)
                .extracting(r -> r.get("region_code"))
                .containsExactly(null, null, "149901", "149900", "990000");
        assertThat(sent).extracting(r -> r.get("channel")).containsExactly("SMS", "PHONE", "SMS", "SMS", "SMS");
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.get("rule_sheet")).isEqualTo("Escalation policy");
            assertThat(r.get("published_at")).isNotNull();
        });
        List<MapRecord<String, Object, Object>> feed =
                redis.opsForStream().read(StreamOffset.fromStart("safereg:notifications"));
        assertThat(feed)
                .extracting(e -> e.getValue().get("recipient"))
                .containsExactly("SAFETY_OFFICER", "PRINCIPAL", "COUNTY", "CITY", "PROVINCE");
        assertThat(feed).allSatisfy(e -> assertThat(e.getValue().get("alarmId")).isEqualTo(String.valueOf(alarm)));
    }

    @Test
    void notificationsOnTheFeedWhenRedisLostEverythingArePublishedAgainAndTheEscalationGoesOn() {
        long alarm = scenario.level2Alarm(plant, clock.instant());
        assertThat(runAt(5)).containsExactly("SAFETY_OFFICER", "PRINCIPAL");
        redis.execute((RedisConnection connection) -> {
            connection.serverCommands().flushDb();
            return null;
        });

        assertThat(runAt(15)).containsExactly("COUNTY");

        List<MapRecord<String, Object, Object>> feed =
                redis.opsForStream().read(StreamOffset.fromStart("safereg:notifications"));
        assertThat(feed)
                .as("what the delivering gateways had not necessarily read yet is on the feed again, in order")
                .extracting(e -> e.getValue().get("recipient"))
                .containsExactly("SAFETY_OFFICER", "PRINCIPAL", "COUNTY");
        assertThat(feed).allSatisfy(e -> assertThat(e.getValue().get("alarmId")).isEqualTo(String.valueOf(alarm)));
        assertThat(runAt(16)).isEmpty();
        assertThat(redis.opsForStream().size("safereg:notifications"))
                .as("published again once")
                .isEqualTo(3);
    }

    @Test
    void anAcknowledgementStopsTheEscalation() {
        long alarm = scenario.level2Alarm(plant, clock.instant());
        assertThat(runAt(5)).containsExactlyInAnyOrder("SAFETY_OFFICER", "PRINCIPAL");

        assertThat(scenario.acknowledge(alarm).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(runAt(15)).isEmpty();
        assertThat(runAt(120)).isEmpty();
        JsonNode listed = http.get("/api/v1/notifications?alarm=" + alarm, Scenario.REGULATOR)
                .getBody();
        assertThat(listed.path("items")).hasSize(2);
        assertThat(listed.path("items")).allSatisfy(item -> {
            assertThat(item.path("ruleSheet").asText()).isEqualTo("Escalation policy");
            assertThat(item.path("provenance").path("ruleSetVersion").asText())
                    .isEqualTo(item.path("ruleSetVersion").asText());
            assertThat(item.path("provenance")
                            .path("rules")
                            .get(0)
                            .path("sheet")
                            .asText())
                    .isEqualTo("Escalation policy");
            assertThat(item.path("provenance").path("rules").get(0).path("row").asInt())
                    .isEqualTo(item.path("ruleRow").asInt());
        });
    }

    @Test
    void anOverdueMajorHazardBecomesExactlyOneEnforcementTaskUnderPostedSupervision() {
        LocalDate today = LocalDate.now(clock);
        long hazard = scenario.majorHazard(plant, today.minusDays(40), today.minusDays(1));

        escalation.run();
        escalation.run();
        clock.advance(Duration.ofDays(3));
        escalation.run();

        List<Map<String, Object>> tasks = jdbc.queryForList("SELECT t.*, r.sheet AS rule_sheet FROM enforcement_tasks t"
                + " LEFT JOIN rule_set_rules r ON r.version = t.rule_set_version AND r.ordinal = t.deciding_rule");
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.get("type")).isEqualTo("ENFORCEMENT_INSPECTION");
            assertThat(task.get("reason")).isEqualTo("MAJOR_HAZARD_OVERDUE");
            assertThat(task.get("trigger_ref")).isEqualTo("hazard:" + hazard);
            assertThat(task.get("legal_basis")).isEqualTo("WSL-102");
            assertThat(task.get("posted_supervision")).isEqualTo(true);
            assertThat(((Number) task.get("priority")).intValue()).isEqualTo(1);
            assertThat(task.get("due_by").toString())
                    .isEqualTo(today.plusDays(10).toString());
            assertThat(task.get("rule_sheet")).isEqualTo("Escalation policy");
            assertThat(task.get("rule_set_version").toString()).hasSize(64);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_outbox", Integer.class))
                .isOne();
        assertThat(jdbc.queryForList("SELECT recipient FROM notifications WHERE hazard_id = ?", String.class, hazard))
                .containsExactlyInAnyOrder("PRINCIPAL", "COUNTY");
    }

    @Test
    void aHazardRectifiedInTimeIsNotEscalated() {
        LocalDate today = LocalDate.now(clock);
        long hazard = scenario.majorHazard(plant, today.minusDays(10), today.plusDays(1));
        http.post(
                "/api/v1/hazards/" + hazard + "/rectification",
                Scenario.INSPECTOR,
                """
                {"rectifiedOn": "%s"}""".formatted(today));

        clock.advance(Duration.ofDays(5));
        escalation.run();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enforcement_tasks", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notifications", Integer.class))
                .isZero();
    }

    @Test
    void aCreditTierFallingToDOrdersOneKeySupervisionTask() {
        jdbc.update(
                "INSERT INTO credit_history (enterprise_id, score, tier, previous_tier, vetoes, rule_set_version,"
                        + " evaluated_at) VALUES (?, 41.5, 'D', 'C', '[]', ?, ?)",
                plant.id(),
                "0".repeat(64),
                java.sql.Timestamp.from(clock.instant()));

        escalation.run();
        escalation.run();

        assertThat(jdbc.queryForList("SELECT type FROM enforcement_tasks", String.class))
                .containsExactly("KEY_SUPERVISION");
    }

    @Test
    void anEnterpriseReadsOnlyItsOwnNotifications() {
        scenario.level2Alarm(plant, clock.instant());
        escalation.run();

        assertThat(http.get("/api/v1/notifications", TestTokens.enterprise(plant.code()))
                        .getBody()
                        .path("items"))
                .hasSize(1);
        assertThat(http.get("/api/v1/notifications", TestTokens.enterprise(neighbour.code()))
                        .getBody()
                        .path("items"))
                .isEmpty();
        assertThat(http.get("/api/v1/notifications?enterprise=" + plant.code(), TestTokens.enterprise(neighbour.code()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("/api/v1/notifications?alarm=0", Scenario.REGULATOR).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** Moves the clock to {@code minutes} after the start, runs escalation, answers the recipients it newly notified. */
    private List<String> runAt(long minutes) {
        if (started == null) {
            started = clock.instant();
        }
        clock.advance(Duration.between(clock.instant(), started.plus(Duration.ofMinutes(minutes))));
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM notifications", Long.class);
        escalation.run();
        return jdbc.queryForList("SELECT recipient FROM notifications WHERE id > ? ORDER BY id", String.class, before);
    }
}

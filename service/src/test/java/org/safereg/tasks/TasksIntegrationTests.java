package org.safereg.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleRef;
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
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Enforcement tasks as the dispatch system sees them: on the stream and through REST, results fed back. */
@IntegrationTest
@Import({ClockControl.class, FactsChangedRecorder.class})
class TasksIntegrationTests {

    static final String STREAM = "safereg:tasks";
    private static final String DISPATCH = TestTokens.dispatch();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MutableClock clock;

    @Autowired
    RuleEngine engine;

    @Autowired
    EnforcementTasks tasks;

    @Autowired
    TaskRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FactsChangedRecorder facts;

    @Autowired
    TaskMapper mapper;

    @Autowired
    ObjectMapper json;

    private Http http;
    private Province.Enterprise plant;
    private LocalDate today;

    @BeforeEach
    void aWellRunPlant() {
        clock.reset();
        Province province = Province.reset(jdbc, redis);
        today = LocalDate.now(clock);
        plant = province.enterprise("任务化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(today.getYear(), 40, 40)
                .training(today.getYear() - 1, 40, 40)
                .drill(today.minusMonths(2), true);
        http = new Http(rest);
        facts.clear();
    }

    @Test
    void aTaskIsOpenedOncePerCauseAndReachesTheStreamOnceWithItsId() {
        long id = open(task(plant.id(), "hazard:1", null)).orElseThrow();
        Optional<Long> again = open(task(plant.id(), "hazard:1", null));
        settle();

        assertThat(again).isEmpty();
        List<MapRecord<String, Object, Object>> entries = entries();
        assertThat(entries).singleElement().satisfies(entry -> {
            Map<Object, Object> fields = entry.getValue();
            assertThat(fields.get("taskId")).isEqualTo(String.valueOf(id));
            assertThat(fields.get("event")).isEqualTo("CREATED");
            assertThat(fields.get("type")).isEqualTo("ENFORCEMENT_INSPECTION");
            assertThat(fields.get("legalBasis")).isEqualTo("WSL-102");
            assertThat(fields.get("postedSupervision")).isEqualTo("true");
            assertThat(fields.get("enterpriseId")).isEqualTo(String.valueOf(plant.id()));
        });
        assertThat(jdbc.queryForObject(
                        "SELECT stream_id FROM task_outbox WHERE task_id = ? AND delivered_at IS NOT NULL",
                        String.class,
                        id))
                .isEqualTo(entries.get(0).getId().getValue());
        assertThat(redis.opsForStream().groups(STREAM))
                .extracting(g -> g.groupName())
                .contains("dispatch");
    }

    @Test
    void aStreamThatRedisLostGetsEveryTaskAgainOnce() {
        long id = open(task(plant.id(), "hazard:3", null)).orElseThrow();
        settle();
        assertThat(entries()).hasSize(1);

        redis.execute((org.springframework.data.redis.connection.RedisConnection connection) -> {
            connection.serverCommands().flushDb();
            return null;
        });
        relay.relayAll();
        relay.relayAll();

        assertThat(entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.getValue().get("taskId")).isEqualTo(String.valueOf(id)));
    }

    @Test
    void aTaskOpenedInARolledBackDecisionLeavesNoTraceAnywhere() {
        transactions.executeWithoutResult(status -> {
            tasks.open(task(plant.id(), "hazard:2", null));
            status.setRollbackOnly();
        });
        relay.relayAll();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enforcement_tasks", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_outbox", Integer.class))
                .isZero();
        assertThat(entries()).isEmpty();
    }

    @Test
    void dispatchClaimsATaskAndItsResultBecomesFactsThatLowerTheCreditAtOnce() {
        long id = open(task(plant.id(), "inspection:1", null)).orElseThrow();
        creditChanges(plant);
        double before = score(plant);

        JsonNode listed = http.get("/api/v1/tasks?state=OPEN", DISPATCH).getBody();
        assertThat(listed.path("items")).extracting(t -> t.path("id").asLong()).containsExactly(id);
        JsonNode claimed =
                http.post("/api/v1/tasks/" + id + "/claim", DISPATCH, null).getBody();
        assertThat(claimed.path("state").asText()).isEqualTo("CLAIMED");
        assertThat(claimed.path("claimedBy").asText()).isEqualTo("dispatch");

        ResponseEntity<JsonNode> completed = http.post(
                "/api/v1/tasks/" + id + "/result",
                DISPATCH,
                """
                {"inspectedOn": "%s",
                 "violations": [
                   {"description": "特种作业无证上岗", "lawArticle": "WSL-97", "penaltyAmount": 30000},
                   {"description": "未定期检测", "lawArticle": "WSL-99", "penaltyAmount": 20000}],
                 "hazards": [{"grade": "GENERAL", "description": "标识模糊", "deadline": "%s"}],
                 "note": "现场检查"}
                """
                        .formatted(today, today.plusDays(7)));

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(completed.getBody().path("state").asText()).isEqualTo("COMPLETED");
        assertThat(completed.getBody().path("result").path("violations")).hasSize(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM violations WHERE enterprise_id = ?", Integer.class, plant.id()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM hazards WHERE enterprise_id = ? AND found_by_task = ?",
                        Integer.class,
                        plant.id(),
                        id))
                .isOne();
        assertThat(score(plant)).isLessThan(before);
        assertThat(jdbc.queryForObject(
                        "SELECT measures FROM credit_results WHERE enterprise_id = ?", String.class, plant.id()))
                .contains("\"violations\":2");
        assertThat(facts.events()).contains(new InspectionResultRecorded(plant.id(), id));

        // the stream tells dispatch the whole story of the task, each event once
        settle();
        assertThat(entries())
                .extracting(e -> e.getValue().get("taskId") + " " + e.getValue().get("event") + " "
                        + e.getValue().getOrDefault("by", "-"))
                .containsExactly(id + " CREATED -", id + " CLAIMED dispatch", id + " COMPLETED dispatch");
        assertThat(entries().get(2).getValue())
                .containsEntry("inspectedOn", today.toString())
                .containsEntry("violations", "2")
                .containsEntry("hazards", "1")
                .containsEntry("rectificationVerified", "false");
    }

    @Test
    void aResultWithAnArt114FineMakesTheEnterpriseDishonestAndRaisesItsRisk() throws InterruptedException {
        long id = open(task(plant.id(), "inspection:2", null)).orElseThrow();
        http.post("/api/v1/tasks/" + id + "/claim", DISPATCH, null);

        ResponseEntity<JsonNode> completed = http.post(
                "/api/v1/tasks/" + id + "/result",
                DISPATCH,
                """
                {"inspectedOn": "%s",
                 "violations": [{"description": "瞒报事故隐患", "lawArticle": "WSL-114", "penaltyAmount": 600000,
                                 "fineMultiple": 3}]}
                """
                        .formatted(today));
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.OK);

        // credit-vetoes.drl: a 2-5x fine under Art. 114 is tier D; risk-level.xlsx: tier D is at least ORANGE.
        // Both are recomputed off the request, so wait for them.
        String level = null;
        for (int i = 0; i < 100 && !"ORANGE".equals(level); i++) {
            Thread.sleep(100);
            List<String> found = jdbc.queryForList(
                    "SELECT level FROM risk_results WHERE enterprise_id = ?", String.class, plant.id());
            level = found.isEmpty() ? null : found.get(0);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT tier FROM credit_results WHERE enterprise_id = ?", String.class, plant.id()))
                .isEqualTo("D");
        assertThat(level).isEqualTo("ORANGE");
        assertThat(jdbc.queryForObject(
                        "SELECT reasons FROM risk_results WHERE enterprise_id = ?", String.class, plant.id()))
                .contains("D");
    }

    @Test
    void aVerifiedRectificationClosesTheTasksHazard() {
        long hazard = hazard(plant, today.minusDays(30), today.minusDays(2));
        long id = open(task(plant.id(), "hazard:" + hazard, hazard)).orElseThrow();
        http.post("/api/v1/tasks/" + id + "/claim", DISPATCH, null);

        ResponseEntity<JsonNode> completed = http.post(
                "/api/v1/tasks/" + id + "/result",
                DISPATCH,
                """
                {"inspectedOn": "%s", "rectificationVerified": true}""".formatted(today));

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> row =
                jdbc.queryForMap("SELECT rectified_on, verified_on, verified_by FROM hazards WHERE id = ?", hazard);
        assertThat(row.get("verified_on").toString()).isEqualTo(today.toString());
        assertThat(row.get("rectified_on")).isNotNull();
        assertThat(row.get("verified_by")).isEqualTo("dispatch");
    }

    @Test
    void aTaskIsClaimedOnceAndCompletedOnlyWhenClaimed() {
        long id = open(task(plant.id(), "inspection:2", null)).orElseThrow();
        String result = """
                {"inspectedOn": "%s"}""".formatted(today);

        ResponseEntity<JsonNode> unclaimed = http.post("/api/v1/tasks/" + id + "/result", DISPATCH, result);
        assertThat(unclaimed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(unclaimed.getBody().path("detail").asText()).contains("only a CLAIMED task");

        assertThat(http.post("/api/v1/tasks/" + id + "/claim", DISPATCH, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> twice = http.post("/api/v1/tasks/" + id + "/claim", DISPATCH, null);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:conflict");

        assertThat(http.post("/api/v1/tasks/" + id + "/result", DISPATCH, result)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.post("/api/v1/tasks/" + id + "/result", DISPATCH, result)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aBadResultIsRefusedWithTheFieldsAtFaultAndWritesNothing() {
        long id = open(task(plant.id(), "inspection:3", null)).orElseThrow();
        http.post("/api/v1/tasks/" + id + "/claim", DISPATCH, null);

        assertInvalid(
                http.post(
                        "/api/v1/tasks/" + id + "/result",
                        DISPATCH,
                        """
                        {"inspectedOn": "%s",
                         "violations": [{"description": "违规操作", "lawArticle": "WSL-97", "penaltyAmount": 1000}],
                         "hazards": [{"grade": "MAJOR", "description": "设备老化", "deadline": "%s"}]}
                        """
                                .formatted(today, today.plusYears(2))),
                "hazards[0].deadline");
        assertInvalid(
                http.post(
                        "/api/v1/tasks/" + id + "/result",
                        DISPATCH,
                        """
                        {"inspectedOn": "%s",
                         "violations": [{"description": "", "lawArticle": "Art 97", "penaltyAmount": -5}]}
                        """
                                .formatted(today)),
                "violations[0].penaltyAmount");
        assertInvalid(
                http.post(
                        "/api/v1/tasks/" + id + "/result",
                        DISPATCH,
                        """
                        {"inspectedOn": "%s"}""".formatted(today.plusDays(1))),
                "inspectedOn");
        assertInvalid(
                http.post(
                        "/api/v1/tasks/" + id + "/result",
                        DISPATCH,
                        """
                        {"inspectedOn": "%s", "rectificationVerified": true}"""
                                .formatted(today)),
                "rectificationVerified");
        ResponseEntity<JsonNode> malformed =
                http.post("/api/v1/tasks/" + id + "/result", DISPATCH, "{\"inspectedOn\": ");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM violations", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hazards", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT state FROM enforcement_tasks WHERE id = ?", String.class, id))
                .isEqualTo("CLAIMED");
    }

    @Test
    void onlyDispatchClaimsAndCompletesAndEnterprisesSeeNoTasks() {
        long id = open(task(plant.id(), "inspection:4", null)).orElseThrow();
        String inspector = TestTokens.token("inspector-7", List.of("INSPECTOR"), null);

        assertThat(http.post("/api/v1/tasks/" + id + "/claim", inspector, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("/api/v1/tasks", TestTokens.enterprise(plant.code()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("/api/v1/tasks/" + id, inspector)
                        .getBody()
                        .path("decision")
                        .path("rule")
                        .path("sheet")
                        .asText())
                .isEqualTo("Escalation policy");
        assertThat(http.get("/api/v1/tasks/" + id, inspector)
                        .getBody()
                        .path("provenance")
                        .path("rules")
                        .findValuesAsText("sheet"))
                .containsExactly("Escalation policy");
        assertThat(http.get("/api/v1/tasks/999999", DISPATCH).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.post("/api/v1/tasks/999999/claim", DISPATCH, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.get("/api/v1/tasks?state=DONE", DISPATCH)
                        .getBody()
                        .path("errors")
                        .findValuesAsText("field"))
                .containsExactly("state");
        assertThat(http.get("/api/v1/tasks?type=RAID", DISPATCH).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.get("/api/v1/tasks?limit=0", DISPATCH).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.get("/api/v1/tasks?type=ENFORCEMENT_INSPECTION&region=149901", DISPATCH)
                        .getBody()
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void tasksOpenedWhileTheStreamIsDownWaitInTheOutboxAndArriveOnceItIsBack() {
        TaskRelay broken = Relays.toClosedPort(mapper(), transactions, json);
        Set<Long> ids = Set.of(
                open(task(plant.id(), "down:1", null)).orElseThrow(),
                open(task(plant.id(), "down:2", null)).orElseThrow(),
                open(task(plant.id(), "down:3", null)).orElseThrow());
        undeliver();

        assertThat(broken.relayAll()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_outbox WHERE delivered_at IS NULL", Integer.class))
                .isEqualTo(3);

        assertThat(relay.relayAll()).isEqualTo(3);
        assertThat(taskIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_outbox WHERE delivered_at IS NULL", Integer.class))
                .isZero();
    }

    @Test
    void aRelayThatDiesAfterAppendingHalfABatchLosesNothing() {
        for (int i = 0; i < 10; i++) {
            open(task(plant.id(), "crash:" + i, null));
        }
        undeliver();

        TaskRelay dying = Relays.dyingAfter(5, redis, mapper(), transactions, json);
        assertThat(dying.relayAll()).isZero();
        assertThat(entries()).hasSize(5);

        relay.relayAll();
        List<Long> ids = taskIds();
        assertThat(Set.copyOf(ids)).hasSize(10);
        // at least once: the five appended before the crash arrive twice and carry their task id to drop them
        assertThat(ids).hasSize(15);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_outbox WHERE delivered_at IS NULL", Integer.class))
                .isZero();
    }

    private TaskMapper mapper() {
        return mapper;
    }

    /** Lets the relay that the commits nudged finish (it holds its rows until it commits), then relays the rest. */
    private void settle() {
        while (relay.busy()) {
            Thread.onSpinWait();
        }
        relay.relayAll();
    }

    /** Settles, then takes everything off the stream again. */
    private void undeliver() {
        settle();
        jdbc.update("UPDATE task_outbox SET delivered_at = NULL, stream_id = NULL");
        redis.delete(STREAM);
    }

    private Optional<Long> open(NewTask task) {
        return transactions.execute(status -> tasks.open(task));
    }

    private NewTask task(long enterpriseId, String trigger, Long hazardId) {
        return new NewTask(
                "ENFORCEMENT_INSPECTION",
                new NewTask.Subject(enterpriseId, hazardId),
                new NewTask.Cause("MAJOR_HAZARD_OVERDUE", trigger),
                new NewTask.Terms(1, today, today.plusDays(10), "WSL-102", true),
                NewTask.Decision.byRule(engine.active().version().hash(), overdueHazardRule()));
    }

    /** A rule of the escalation policy in force, as the escalation run would report it. */
    private FiredRule overdueHazardRule() {
        RuleRef rule = engine.active().rules().stream()
                .filter(r -> r.origin() != null
                        && "Escalation policy".equals(r.origin().sheet()))
                .findFirst()
                .orElseThrow();
        return new FiredRule(rule.name(), rule.origin(), rule.ordinal());
    }

    private long hazard(Province.Enterprise enterprise, LocalDate found, LocalDate deadline) {
        return http.post(
                        "/api/v1/hazards",
                        TestTokens.token("inspector-7", List.of("INSPECTOR"), null),
                        """
                        {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "MAJOR",
                         "description": "未定期检测", "foundOn": "%s", "deadline": "%s"}
                        """
                                .formatted(enterprise.code(), found, deadline))
                .getBody()
                .path("id")
                .asLong();
    }

    /** Makes the enterprise's current credit exist (any fact change re-evaluates it). */
    private void creditChanges(Province.Enterprise enterprise) {
        hazard(enterprise, today.minusDays(3), today.plusDays(20));
        jdbc.update("DELETE FROM hazards WHERE enterprise_id = ?", enterprise.id());
    }

    private double score(Province.Enterprise enterprise) {
        return jdbc.queryForObject(
                "SELECT score FROM credit_results WHERE enterprise_id = ?", Double.class, enterprise.id());
    }

    private List<MapRecord<String, Object, Object>> entries() {
        if (!Boolean.TRUE.equals(redis.hasKey(STREAM))) {
            return List.of();
        }
        return redis.opsForStream().read(StreamOffset.fromStart(STREAM));
    }

    private List<Long> taskIds() {
        return entries().stream()
                .map(e -> Long.parseLong((String) e.getValue().get("taskId")))
                .collect(Collectors.toList());
    }

    private static void assertInvalid(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:invalid-input");
        assertThat(response.getBody().path("errors").findValuesAsText("field")).contains(field);
    }
}

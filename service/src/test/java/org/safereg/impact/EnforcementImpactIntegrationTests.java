package org.safereg.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleRef;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.rulesets.RuleSetApi;
import org.safereg.rulesets.RuleSetVersions;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.safereg.tasks.EnforcementTasks;
import org.safereg.tasks.NewTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before a changed discretion model is activated, policy staff see which enforcement decisions already taken would
 * come out differently, decided again from their circumstances, and no decision is touched.
 */
@IntegrationTest
class EnforcementImpactIntegrationTests {

    private static final String VIEWER = TestTokens.token("viewer", List.of("POLICY_VIEWER"), null);
    private static final String MODEL = "enforcement-discretion.dmn";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RuleEngine engine;

    @Autowired
    RuleSetVersions versions;

    @Autowired
    EnforcementTasks tasks;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper json;

    Http http;
    RuleSetApi api;
    Province.Enterprise plant;
    Province.Enterprise neighbour;
    LocalDate today;

    @BeforeEach
    void decisionsTakenOnTwoPlants() {
        http = new Http(rest);
        api = new RuleSetApi(rest);
        Province province = Province.reset(jdbc, redis);
        today = LocalDate.now();
        plant = province.enterprise("裁量影响化工有限公司", "HAZARDOUS_CHEMICALS", "VALID");
        neighbour = province.enterprise("裁量影响机械有限公司", "OTHER", "VALID");
        complete(
                plant,
                """
                {"article": 99, "item": 8, "history": "FIRST", "correction": "ON_THE_SPOT"}""",
                """
                {"article": 97, "item": 1, "history": "FIRST", "correction": "BY_DEADLINE"}""",
                """
                {"article": 102, "history": "FIRST", "correction": "REFUSED"}""");
        complete(
                neighbour,
                """
                {"article": 101, "item": 5, "history": "FIRST", "correction": "ON_THE_SPOT"}""",
                """
                {"article": 99, "item": 2, "history": "FIRST", "correction": "ON_THE_SPOT",
                 "mitigating": ["CONFESSED"]}""");
    }

    @Test
    void aFirstViolationCorrectedOnTheSpotMovedToTheOrdinaryBandShowsTheDecisionsItWouldChangeAndChangesNone() {
        // first violation, corrected on the spot, nothing mitigating: ordinary instead of lenient
        String model = new String(RuleSetApi.shipped(MODEL), StandardCharsets.UTF_8);
        String changedModel = model.replace(
                "<outputEntry id=\"band-r5-o1\"><text>\"LENIENT\"</text></outputEntry>",
                "<outputEntry id=\"band-r5-o1\"><text>\"ORDINARY\"</text></outputEntry>");
        assertThat(changedModel).isNotEqualTo(model);
        ResponseEntity<JsonNode> uploaded = api.upload(
                RuleSetApi.admin("policy-officer-li"),
                "ordinary band for a first violation corrected on the spot",
                Map.of(MODEL, changedModel.getBytes(StandardCharsets.UTF_8)));
        assertThat(uploaded.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        String candidate = uploaded.getBody().path("version").asText();
        List<Map<String, Object>> stored = decisions();
        assertThat(stored).hasSize(5);

        ResponseEntity<JsonNode> simulated = http.post("/api/v1/rule-sets/" + candidate + "/impact", VIEWER, null);

        assertThat(simulated.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode impact = simulated.getBody().path("enforcement");
        // the same decisions re-decided here, straight on the two versions' models
        RuleSetVersions.Compared compared = versions.compare(candidate, null);
        Map<Long, String> expectedBand = new HashMap<>();
        int changed = 0;
        int band = 0;
        int fines = 0;
        int suspension = 0;
        int dailyFine = 0;
        for (Map<String, Object> row : stored) {
            Map<String, Object> circumstances = circumstances(row);
            Decided before = decide(compared.current(), circumstances);
            Decided after = decide(compared.candidate(), circumstances);
            if (before.equals(after)) {
                continue;
            }
            changed++;
            band += before.band().equals(after.band()) ? 0 : 1;
            fines += before.fines().equals(after.fines()) ? 0 : 1;
            suspension += before.suspension() == after.suspension() ? 0 : 1;
            dailyFine += before.dailyFine() == after.dailyFine() ? 0 : 1;
            expectedBand.put(((Number) row.get("id")).longValue(), before.band() + ">" + after.band());
        }
        assertThat(impact.path("decisions").asInt()).isEqualTo(5);
        assertThat(impact.path("changed").asInt()).isEqualTo(changed).isEqualTo(2);
        assertThat(impact.path("band").asInt()).isEqualTo(band).isEqualTo(2);
        assertThat(impact.path("fines").asInt()).isEqualTo(fines).isEqualTo(2);
        assertThat(impact.path("suspension").asInt()).isEqualTo(suspension).isZero();
        assertThat(impact.path("dailyFine").asInt()).isEqualTo(dailyFine).isZero();
        assertThat(impact.path("undecidable").asInt()).isZero();
        Map<Long, String> listed = new HashMap<>();
        for (JsonNode change : impact.path("changes")) {
            listed.put(
                    change.path("decision").asLong(),
                    change.path("before").path("band").asText() + ">"
                            + change.path("after").path("band").asText());
        }
        assertThat(listed).isEqualTo(expectedBand);
        assertThat(impact.path("changes"))
                .extracting(c ->
                        c.path("enterprise").asText() + " " + c.path("article").asInt())
                .containsExactlyInAnyOrder(plant.code() + " 99", neighbour.code() + " 101");
        JsonNode lenientToOrdinary = impact.path("changes").get(0);
        assertThat(lenientToOrdinary.path("name").asText()).isEqualTo("裁量影响化工有限公司");
        assertThat(lenientToOrdinary
                        .path("before")
                        .path("bandUnitFine")
                        .path("max")
                        .asLong())
                .isEqualTo(15000);
        assertThat(lenientToOrdinary
                        .path("after")
                        .path("bandUnitFine")
                        .path("min")
                        .asLong())
                .isEqualTo(15000);
        assertThat(lenientToOrdinary
                        .path("after")
                        .path("bandUnitFine")
                        .path("max")
                        .asLong())
                .isEqualTo(35000);

        // nothing decided for real: the stored decisions and the version in force are as they were
        assertThat(decisions()).isEqualTo(stored);
        assertThat(api.versionInForce()).isEqualTo(compared.against());
        assertThat(http.get("/api/v1/rule-sets/" + candidate + "/impact", VIEWER)
                        .getBody()
                        .path("enforcement"))
                .isEqualTo(impact);
    }

    @Test
    void theActiveVersionAgainstItselfChangesNoDecision() {
        String active = api.versionInForce();

        JsonNode impact = http.post("/api/v1/rule-sets/" + active + "/impact?against=" + active, VIEWER, null)
                .getBody()
                .path("enforcement");

        assertThat(impact.path("decisions").asInt()).isEqualTo(5);
        assertThat(impact.path("changed").asInt()).isZero();
        assertThat(impact.path("changes")).isEmpty();
    }

    private record Decided(String band, List<Object> fines, boolean suspension, boolean dailyFine) {}

    /** The measures as the model's decisions give them, fines rounded to the yuan as decisions keep them. */
    @SuppressWarnings("unchecked")
    private static Decided decide(RuleSetSnapshot snapshot, Map<String, Object> circumstances) {
        Map<String, Object> inputs = new HashMap<>();
        for (String name : List.of(
                "article",
                "item",
                "history",
                "correction",
                "accidentGrade",
                "originalFine",
                "lenientShare",
                "severeShare")) {
            inputs.put(name, circumstances.get(name));
        }
        inputs.put("mitigating", circumstances.getOrDefault("mitigating", List.of()));
        inputs.put("aggravating", circumstances.getOrDefault("aggravating", List.of()));
        inputs.put("especiallySerious", Boolean.TRUE.equals(circumstances.get("especiallySerious")));
        Map<String, Object> results =
                snapshot.decide("enforcement-discretion", inputs).results();
        Map<String, Object> range = (Map<String, Object>) results.get("Legal range");
        Map<String, Object> bounds = (Map<String, Object>) results.get("Band bounds");
        List<Object> fines = new ArrayList<>();
        for (Map<String, Object> amounts : List.of(range, bounds)) {
            for (String key : List.of("unitMin", "unitMax", "personMin", "personMax")) {
                Object value = amounts.get(key);
                fines.add(
                        value == null
                                ? null
                                : new BigDecimal(value.toString()).setScale(0, java.math.RoundingMode.HALF_UP));
            }
        }
        return new Decided(
                (String) ((Map<String, Object>) results.get("Discretion band")).get("band"),
                fines,
                Boolean.TRUE.equals(range.get("suspension")),
                Boolean.TRUE.equals(results.get("Daily fine eligible")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> circumstances(Map<String, Object> row) {
        try {
            Map<String, Object> read = json.readValue((String) row.get("circumstances"), Map.class);
            if (read.get("article") instanceof Number n) {
                read.put("article", BigDecimal.valueOf(n.longValue()));
            }
            if (read.get("item") instanceof Number n) {
                read.put("item", BigDecimal.valueOf(n.longValue()));
            }
            return read;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> decisions() {
        return jdbc.queryForList("SELECT * FROM enforcement_decisions ORDER BY id");
    }

    private void complete(Province.Enterprise enterprise, String... circumstances) {
        long task = transactions
                .execute(status -> tasks.open(new NewTask(
                        "ENFORCEMENT_INSPECTION",
                        new NewTask.Subject(enterprise.id(), null),
                        new NewTask.Cause("RANDOM_INSPECTION", "inspection:impact-" + enterprise.code()),
                        new NewTask.Terms(3, today, today.plusDays(10), null, false),
                        NewTask.Decision.byRule(engine.active().version().hash(), anyRule()))))
                .orElseThrow();
        assertThat(http.post("/api/v1/tasks/" + task + "/claim", TestTokens.dispatch(), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        List<String> violations = new ArrayList<>();
        for (String c : circumstances) {
            violations.add("{\"description\": \"现场发现\", \"circumstances\": " + c + "}");
        }
        ResponseEntity<JsonNode> completed = http.post(
                "/api/v1/tasks/" + task + "/result",
                TestTokens.dispatch(),
                "{\"inspectedOn\": \"%s\", \"violations\": [%s]}".formatted(today, String.join(", ", violations)));
        assertThat(completed.getStatusCode())
                .as(String.valueOf(completed.getBody()))
                .isEqualTo(HttpStatus.OK);
    }

    private FiredRule anyRule() {
        RuleRef rule = engine.active().rules().get(0);
        return new FiredRule(rule.name(), rule.origin(), rule.ordinal());
    }
}

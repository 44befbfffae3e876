package org.safereg.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

@IntegrationTest
@Import(InspectionPlanIntegrationTests.AcceptedPlans.class)
class InspectionPlanIntegrationTests {

    private static final String COUNTY = "149901";
    private static final String CITY = "149900";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    AcceptedPlans accepted;

    private final ObjectMapper json = new ObjectMapper();
    private LocalDate nextQuarter;
    private String chemicals;
    private String blacklistedMine;
    private final List<String> pool = new ArrayList<>();

    /**
     * A county with a red-risk chemical plant (major hazard open, a violation, an alarm last week), a
     * blacklisted (tier D) coal mine without a risk result, and forty trustworthy blue-risk small firms.
     */
    @BeforeEach
    void county() {
        Province province = Province.reset(jdbc, redis);
        LocalDate today = LocalDate.now();
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        nextQuarter = quarterStart.plusMonths(3);

        chemicals = province.enterprise("红色化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .majorHazard(today.minusDays(20), today.plusDays(40), null)
                .violation(today.minusMonths(5), "WSL-102", null)
                .code();
        grade(chemicals, 3);
        credit(chemicals, "B");
        risk(chemicals, "RED");
        alarm(chemicals, Instant.now().minus(7, ChronoUnit.DAYS));

        blacklistedMine = province.enterprise("失信煤矿有限公司", "COAL_MINE", "VALID").code();
        credit(blacklistedMine, "D");

        pool.clear();
        for (int i = 0; i < 40; i++) {
            String code =
                    province.enterprise("守信商贸" + i, "OTHER", "NOT_REQUIRED").code();
            grade(code, 1);
            credit(code, "A");
            risk(code, "BLUE");
            pool.add(code);
        }
        accepted.events.clear();
    }

    @Test
    void dispatchGetsMandatoryAndDrawnInspectionsWithReasonsAndFocus() {
        ResponseEntity<JsonNode> created =
                post(TestTokens.dispatch(), request(CITY, "QUARTER", nextQuarter, 42L, inspectors(50, 50)));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode plan = created.getBody();
        assertThat(created.getHeaders().getLocation())
                .hasToString("/api/v1/inspection-plans/" + plan.path("id").asLong());
        assertThat(plan.path("state").asText()).isEqualTo("PROPOSED");
        assertThat(plan.path("seed").asLong()).isEqualTo(42);
        assertThat(plan.path("period").path("end").asText())
                .isEqualTo(nextQuarter.plusMonths(3).minusDays(1).toString());

        // red risk: 4 a year, one this quarter; tier D coal mine: monthly, capped by Shanxi's 4 for coal D
        assertThat(codes(plan.path("mandatory"))).containsExactlyInAnyOrder(chemicals, blacklistedMine);
        JsonNode red = item(plan.path("mandatory"), chemicals);
        assertThat(red.path("priority").asInt()).isEqualTo(1);
        assertThat(red.path("dueFrom").asText()).isEqualTo(nextQuarter.toString());
        JsonNode reasons = red.path("reasons");
        assertThat(reasons.path("creditTier").asText()).isEqualTo("B");
        assertThat(reasons.path("riskLevel").asText()).isEqualTo("RED");
        assertThat(reasons.path("supervision").asText()).isEqualTo("KEY");
        assertThat(reasons.path("ruleSetVersion").asText())
                .hasSize(64)
                .isEqualTo(plan.path("ruleSetVersion").asText());
        assertThat(reasons.path("rules")).hasSize(2);
        assertThat(reasons.path("rules").get(0).path("file").asText())
                .isEqualTo("decision-tables/inspection-frequency.xlsx");
        assertThat(reasons.path("rules").get(0).path("sheet").asText()).isEqualTo("Inspection frequency");
        assertThat(reasons.path("rules").get(0).path("sheetRow").asInt()).isPositive();
        assertThat(reasons.path("provenance").path("rules").get(0).path("sheet").asText())
                .isEqualTo("Inspection frequency");
        assertThat(reasons.path("provenance").path("rules").get(0).path("row").asInt())
                .isEqualTo(reasons.path("rules").get(0).path("sheetRow").asInt());
        JsonNode focus = red.path("focus");
        assertThat(focus.path("openHazards").path("total").asInt()).isEqualTo(1);
        assertThat(focus.path("openHazards")
                        .path("latest")
                        .get(0)
                        .path("detail")
                        .asText())
                .isEqualTo("MAJOR");
        assertThat(focus.path("recentAlarms").path("total").asInt()).isEqualTo(1);
        assertThat(focus.path("pastViolations")
                        .path("latest")
                        .get(0)
                        .path("detail")
                        .asText())
                .isEqualTo("WSL-102");

        JsonNode mine = item(plan.path("mandatory"), blacklistedMine);
        assertThat(mine.path("reasons").path("riskLevel").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(mine.path("reasons").path("creditTier").asText()).isEqualTo("D");

        // 2 mandatory need at least 5 random (70 %); the blue pool alone would give about 40 × 0.15 / 4 = 1.5
        assertThat(plan.path("random").size()).isGreaterThanOrEqualTo(5);
        assertThat(plan.path("random")).allSatisfy(item -> {
            assertThat(pool).contains(item.path("enterprise").path("code").asText());
            assertThat(item.path("reasons").path("supervision").asText()).isEqualTo("RANDOM");
            assertThat(item.path("inspector").path("id").asText()).isIn("I1", "I2");
        });
        assertThat(plan.path("counts").path("total").asInt())
                .isEqualTo(plan.path("mandatory").size() + plan.path("random").size());
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherDraw() {
        JsonNode first = post(TestTokens.dispatch(), request(CITY, "QUARTER", nextQuarter, 7L, inspectors(50, 50)))
                .getBody();
        JsonNode again = post(TestTokens.policyAdmin(), request(CITY, "QUARTER", nextQuarter, 7L, inspectors(50, 50)))
                .getBody();
        JsonNode other = post(TestTokens.dispatch(), request(CITY, "QUARTER", nextQuarter, 8L, inspectors(50, 50)))
                .getBody();

        assertThat(again.path("id").asLong()).isNotEqualTo(first.path("id").asLong());
        assertThat(again.path("digest").asText()).isEqualTo(first.path("digest").asText());
        assertThat(again.path("factsDigest").asText())
                .isEqualTo(first.path("factsDigest").asText());
        assertThat(again.path("mandatory")).isEqualTo(first.path("mandatory"));
        assertThat(again.path("random")).isEqualTo(first.path("random"));
        assertThat(other.path("digest").asText())
                .isNotEqualTo(first.path("digest").asText());
        assertThat(codes(other.path("random"))).isNotEqualTo(codes(first.path("random")));
    }

    @Test
    void withoutASeedOneIsGeneratedAndStoredSoTheDrawCanBeRepeated() {
        JsonNode generated = post(
                        TestTokens.dispatch(), request(CITY, "QUARTER", nextQuarter, null, inspectors(50, 50)))
                .getBody();
        long seed = generated.path("seed").asLong();

        JsonNode repeated = post(TestTokens.dispatch(), request(CITY, "QUARTER", nextQuarter, seed, inspectors(50, 50)))
                .getBody();

        assertThat(repeated.path("digest").asText())
                .isEqualTo(generated.path("digest").asText());
    }

    @Test
    void aStoredPlanIsListedFetchedExportedAndAcceptedOnce() throws Exception {
        JsonNode plan = post(TestTokens.dispatch(), request(COUNTY, "QUARTER", nextQuarter, 3L, inspectors(50, 50)))
                .getBody();
        long id = plan.path("id").asLong();
        int total = plan.path("counts").path("total").asInt();

        JsonNode listed = get(
                        "/api/v1/inspection-plans?region=" + CITY,
                        TestTokens.token("viewer", List.of("POLICY_VIEWER"), null))
                .getBody();
        assertThat(listed.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(listed.get(0).path("digest").asText())
                .isEqualTo(plan.path("digest").asText());
        assertThat(get("/api/v1/inspection-plans/" + id, TestTokens.dispatch()).getBody())
                .isEqualTo(plan);

        ResponseEntity<byte[]> csv = download("/api/v1/inspection-plans/" + id + "/export?format=csv");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("inspection-plan-" + id + ".csv");
        String[] lines = new String(csv.getBody(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1 + total);
        assertThat(lines[0]).contains("seq,kind,enterprise,name");
        assertThat(lines[1]).contains(chemicals).contains("MANDATORY").contains("红色化工有限公司");

        ResponseEntity<byte[]> xlsx = download("/api/v1/inspection-plans/" + id + "/export?format=xlsx");
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("3");
            assertThat(sheet.getRow(7).getCell(2).getStringCellValue()).isEqualTo("enterprise");
            assertThat(sheet.getLastRowNum()).isEqualTo(7 + total);
        }

        ResponseEntity<JsonNode> acceptance =
                post("/api/v1/inspection-plans/" + id + "/acceptance", TestTokens.dispatch(), null);
        assertThat(acceptance.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(acceptance.getBody().path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(acceptance.getBody().path("acceptedBy").asText()).isEqualTo("dispatch");
        assertThat(accepted.events).containsExactly(new InspectionPlanAccepted(id, COUNTY, "dispatch"));
        // every item became an on-site inspection task for the dispatch system, with the plan's reasons
        List<Map<String, Object>> tasks = jdbc.queryForList(
                "SELECT t.type, t.reason, t.rule_set_version, e.credit_code FROM enforcement_tasks t"
                        + " JOIN enterprises e ON e.id = t.enterprise_id WHERE t.trigger_ref LIKE ? ORDER BY t.id",
                "inspection-plan:" + id + ":item:%");
        assertThat(tasks).hasSize(total);
        assertThat(tasks).allSatisfy(task -> assertThat(task)
                .containsEntry("type", "ON_SITE_INSPECTION")
                .containsEntry("rule_set_version", plan.path("ruleSetVersion").asText()));
        assertThat(tasks)
                .filteredOn(task -> chemicals.equals(task.get("credit_code")))
                .extracting(task -> task.get("reason"))
                .containsExactly("INSPECTION_PLAN_KEY_SUPERVISION");

        ResponseEntity<JsonNode> twice =
                post("/api/v1/inspection-plans/" + id + "/acceptance", TestTokens.dispatch(), null);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:conflict");
        assertThat(accepted.events).hasSize(1);
    }

    @Test
    void theNextPlanSendsAnotherInspectorAndCountsTheAcceptedInspections() {
        JsonNode first = post(TestTokens.dispatch(), request(COUNTY, "MONTH", nextQuarter, 11L, inspectors(50, 50)))
                .getBody();
        post("/api/v1/inspection-plans/" + first.path("id").asLong() + "/acceptance", TestTokens.dispatch(), null);
        String before = item(first.path("mandatory"), chemicals)
                .path("inspector")
                .path("id")
                .asText();

        for (long seed = 0; seed < 5; seed++) {
            JsonNode next = post(
                            TestTokens.dispatch(),
                            request(COUNTY, "MONTH", nextQuarter.plusMonths(2), seed, inspectors(50, 50)))
                    .getBody();
            JsonNode red = item(next.path("mandatory"), chemicals);
            assertThat(red.path("inspector").path("id").asText()).isNotEqualTo(before);
            // the accepted one was due from the quarter's first day; red risk keeps 45 days between inspections
            assertThat(LocalDate.parse(red.path("dueFrom").asText())).isAfterOrEqualTo(nextQuarter.plusMonths(2));
        }
    }

    @Test
    void statisticsCompareThePlanWithAUniformPlanOfTheSameSize() {
        JsonNode plan = post(TestTokens.dispatch(), request(COUNTY, "QUARTER", nextQuarter, 5L, inspectors(50, 50)))
                .getBody();
        int total = plan.path("counts").path("total").asInt();

        JsonNode statistics = get(
                        "/api/v1/inspection-plans/" + plan.path("id").asLong() + "/statistics",
                        TestTokens.policyAdmin())
                .getBody();

        assertThat(statistics.path("inspections").asInt()).isEqualTo(total);
        assertThat(statistics.path("enterprisesInScope").asInt()).isEqualTo(42);
        JsonNode red = group(statistics.path("byRisk"), "RED");
        assertThat(red.path("population").asInt()).isEqualTo(1);
        assertThat(red.path("planned").asInt()).isEqualTo(1);
        assertThat(red.path("uniform").asDouble()).isCloseTo(total / 42.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(red.path("ratio").asDouble()).isGreaterThan(1);
        JsonNode blue = group(statistics.path("byRisk"), "BLUE");
        assertThat(blue.path("ratio").asDouble()).isLessThan(1);
        assertThat(group(statistics.path("byTier"), "D").path("planned").asInt())
                .isEqualTo(1);
        assertThat(group(statistics.path("byTierAndRisk"), "B/RED")
                        .path("planned")
                        .asInt())
                .isEqualTo(1);
        int assigned = 0;
        for (JsonNode load : statistics.path("workload")) {
            assertThat(load.path("assigned").asInt())
                    .isLessThanOrEqualTo(load.path("capacity").asInt());
            assigned += load.path("assigned").asInt();
        }
        assertThat(assigned + statistics.path("unassigned").asInt()).isEqualTo(total);
    }

    @Test
    void tooLittleCapacityForTheMandatoryItemsIsAProblemListingEachUncoveredOneAndStoresNothing() {
        var inspectors = List.of(inspector("I1", "张三", COUNTY, 1, List.of(chemicals)));

        ResponseEntity<JsonNode> refused =
                post(TestTokens.dispatch(), request(COUNTY, "QUARTER", nextQuarter, 1L, inspectors));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = refused.getBody();
        assertThat(problem.path("type").asText()).isEqualTo("urn:safereg:problem:infeasible-plan");
        assertThat(problem.path("mandatory").asInt()).isEqualTo(2);
        assertThat(problem.path("uncovered")).hasSize(1);
        assertThat(problem.path("uncovered").get(0).path("enterprise").asText()).isEqualTo(chemicals);
        assertThat(problem.path("uncovered").get(0).path("reason").asText())
                .isEqualTo("ONLY_CONFLICTED_OR_PREVIOUS_INSPECTORS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_plans", Integer.class))
                .isZero();
    }

    @Test
    void askedNotToWaitAPlanIsAJobLinkingToItAndAnInfeasibleOneFailsWithTheSameProblem() throws Exception {
        ResponseEntity<JsonNode> accepted = post(
                "/api/v1/inspection-plans?wait=false",
                TestTokens.dispatch(),
                request(CITY, "QUARTER", nextQuarter, 42L, inspectors(50, 50)));

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long job = accepted.getBody().path("id").asLong();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/jobs/" + job);
        assertThat(accepted.getBody().path("kind").asText()).isEqualTo("INSPECTION_PLAN");
        JsonNode made = finished(job);
        assertThat(made.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(made.path("done").asLong()).isEqualTo(made.path("total").asLong());
        JsonNode plan = get(made.path("result").asText(), TestTokens.dispatch()).getBody();
        assertThat(plan.path("seed").asLong()).isEqualTo(42);
        assertThat(codes(plan.path("mandatory"))).containsExactlyInAnyOrder(chemicals, blacklistedMine);

        int plans = jdbc.queryForObject("SELECT COUNT(*) FROM inspection_plans", Integer.class);
        ResponseEntity<JsonNode> infeasible = post(
                "/api/v1/inspection-plans?wait=false",
                TestTokens.dispatch(),
                request(
                        COUNTY,
                        "QUARTER",
                        nextQuarter,
                        1L,
                        List.of(inspector("I1", "张三", COUNTY, 1, List.of(chemicals)))));
        assertThat(infeasible.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode failed = finished(infeasible.getBody().path("id").asLong());
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        JsonNode problem = failed.path("error");
        assertThat(problem.path("type").asText()).isEqualTo("urn:safereg:problem:infeasible-plan");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("uncovered").get(0).path("enterprise").asText()).isEqualTo(chemicals);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_plans", Integer.class))
                .isEqualTo(plans);

        // a request that cannot be planned is refused at once, as without a job
        assertThat(post(
                                "/api/v1/inspection-plans?wait=false",
                                TestTokens.dispatch(),
                                request("149999", "QUARTER", nextQuarter, 1L, inspectors(5, 5)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anUnknownRegionIsAProblem() {
        assertProblem(request("149999", "QUARTER", nextQuarter, 1L, inspectors(5, 5)), "region", "not a known region");
    }

    @Test
    void aPeriodInThePastIsAProblem() {
        assertProblem(
                request(COUNTY, "MONTH", LocalDate.now().minusMonths(1), 1L, inspectors(5, 5)), "period.start", "past");
    }

    @Test
    void aPlanWithoutInspectorsIsAProblem() {
        assertProblem(request(COUNTY, "QUARTER", nextQuarter, 1L, List.of()), "inspectors", "at least one inspector");
    }

    @Test
    void inspectorsWithoutCapacityAreAProblem() {
        assertProblem(request(COUNTY, "QUARTER", nextQuarter, 1L, inspectors(0, 0)), "inspectors", "no capacity");
    }

    @Test
    void anInspectorOfAnUnknownOrAnotherRegionIsAProblem() {
        assertProblem(
                request(COUNTY, "QUARTER", nextQuarter, 1L, List.of(inspector("I1", "张三", "149998", 5, List.of()))),
                "inspectors[0].region",
                "not a known region");
        jdbc.update("DELETE FROM regions WHERE code = '149801'");
        jdbc.update("INSERT INTO regions (code, name, level, parent_code) VALUES ('149801', '邻县', 'COUNTY', NULL)");
        assertProblem(
                request(COUNTY, "QUARTER", nextQuarter, 1L, List.of(inspector("I1", "张三", "149801", 5, List.of()))),
                "inspectors[0].region",
                "outside the plan's region");
    }

    @Test
    void aRepeatedInspectorOrAMalformedConflictIsAProblem() {
        assertProblem(
                request(
                        COUNTY,
                        "QUARTER",
                        nextQuarter,
                        1L,
                        List.of(
                                inspector("I1", "张三", COUNTY, 5, List.of()),
                                inspector("I1", "李四", COUNTY, 5, List.of()))),
                "inspectors[1].id",
                "listed twice");
        assertProblem(
                request(
                        COUNTY,
                        "QUARTER",
                        nextQuarter,
                        1L,
                        List.of(inspector("I1", "张三", COUNTY, 5, List.of("not-a-code")))),
                "inspectors[0].conflicts[0]",
                "");
    }

    @Test
    void aNegativeCapacityOrAnUnknownPeriodKindIsAProblem() {
        assertProblem(
                request(COUNTY, "QUARTER", nextQuarter, 1L, List.of(inspector("I1", "张三", COUNTY, -1, List.of()))),
                "inspectors[0].capacity",
                "");
        ResponseEntity<JsonNode> week =
                post(TestTokens.dispatch(), request(COUNTY, "WEEK", nextQuarter, 1L, inspectors(5, 5)));
        assertThat(week.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(week.getBody().path("errors").get(0).path("field").asText()).isEqualTo("period.kind");
        assertThat(week.getBody().path("detail").asText()).contains("MONTH, QUARTER, YEAR");
    }

    @Test
    void onlyDispatchAndPolicyAdminsMakePlansAndAnUnknownPlanOrFormatIsAProblem() {
        ResponseEntity<JsonNode> enterprise =
                post(TestTokens.enterprise(chemicals), request(COUNTY, "QUARTER", nextQuarter, 1L, inspectors(5, 5)));
        assertThat(enterprise.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> viewer = post(
                TestTokens.token("viewer", List.of("POLICY_VIEWER"), null),
                request(COUNTY, "QUARTER", nextQuarter, 1L, inspectors(5, 5)));
        assertThat(viewer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> missing = get("/api/v1/inspection-plans/999999", TestTokens.dispatch());
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:not-found");
        assertThat(post("/api/v1/inspection-plans/999999/acceptance", TestTokens.dispatch(), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        long id = post(TestTokens.dispatch(), request(COUNTY, "QUARTER", nextQuarter, 1L, inspectors(50, 50)))
                .getBody()
                .path("id")
                .asLong();
        ResponseEntity<JsonNode> pdf =
                get("/api/v1/inspection-plans/" + id + "/export?format=pdf", TestTokens.dispatch());
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pdf.getBody().path("detail").asText()).contains("format");
    }

    // --- helpers ---

    private void assertProblem(Object body, String field, String message) {
        int plans = jdbc.queryForObject("SELECT COUNT(*) FROM inspection_plans", Integer.class);
        ResponseEntity<JsonNode> response = post(TestTokens.dispatch(), body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = response.getBody();
        assertThat(problem.path("type").asText()).isEqualTo("urn:safereg:problem:invalid-input");
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        assertThat(problem.path("detail").asText()).contains(message);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_plans", Integer.class))
                .isEqualTo(plans);
    }

    private static JsonNode request(String region, String kind, LocalDate start, Long seed, List<?> inspectors) {
        var body = new ObjectMapper().createObjectNode();
        body.put("region", region);
        body.putObject("period").put("kind", kind).put("start", start.toString());
        body.set("inspectors", new ObjectMapper().valueToTree(inspectors));
        if (seed != null) {
            body.put("seed", seed);
        }
        return body;
    }

    private static List<Object> inspectors(int first, int second) {
        return List.of(inspector("I1", "张三", COUNTY, first, List.of()), inspector("I2", "李四", CITY, second, List.of()));
    }

    private static Object inspector(String id, String name, String region, int capacity, List<String> conflicts) {
        return java.util.Map.of("id", id, "name", name, "region", region, "capacity", capacity, "conflicts", conflicts);
    }

    private static Set<String> codes(JsonNode items) {
        Set<String> codes = new HashSet<>();
        items.forEach(item -> codes.add(item.path("enterprise").path("code").asText()));
        return codes;
    }

    private static JsonNode item(JsonNode items, String code) {
        for (JsonNode item : items) {
            if (item.path("enterprise").path("code").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no item for " + code + " in " + items);
    }

    private static JsonNode group(JsonNode groups, String name) {
        for (JsonNode group : groups) {
            if (group.path("group").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no group " + name + " in " + groups);
    }

    private long idOf(String code) {
        return jdbc.queryForObject("SELECT id FROM enterprises WHERE credit_code = ?", Long.class, code);
    }

    private void grade(String code, int grade) {
        jdbc.update("UPDATE enterprises SET standardisation_grade = ? WHERE credit_code = ?", grade, code);
    }

    private void credit(String code, String tier) {
        jdbc.update(
                "INSERT INTO credit_results (enterprise_id, score, tier, score_tier, measures, indicators, vetoes,"
                        + " fired_rules, rule_set_version, evaluated_at, content_hash)"
                        + " VALUES (?, 80, ?, ?, '{}', '[]', '[]', '[]', 'test', CURRENT_TIMESTAMP(3), 0)",
                idOf(code),
                tier,
                tier);
    }

    private void risk(String code, String level) {
        jdbc.update(
                "INSERT INTO risk_results (enterprise_id, level, reasons, fired_rules, rule_set_version, evaluated_at)"
                        + " VALUES (?, ?, '[]', '[]', 'test', CURRENT_TIMESTAMP(3))",
                idOf(code),
                level);
    }

    private void alarm(String code, Instant raised) {
        long enterprise = idOf(code);
        String point = "PLAN-GT-" + enterprise;
        jdbc.update(
                "INSERT INTO monitoring_points (code, enterprise_id, equipment_type, equipment_id, equipment_name, metric,"
                        + " unit, created_at) VALUES (?, ?, 'GAS_DETECTOR', 'R-1', '反应釜', 'COMBUSTIBLE_GAS', '%LEL', ?)",
                point, enterprise, Timestamp.from(raised));
        long pointId = jdbc.queryForObject("SELECT id FROM monitoring_points WHERE code = ?", Long.class, point);
        jdbc.update(
                "INSERT INTO alarms (point_id, episode, enterprise_id, level, colour, state, reading_value, raised_at,"
                        + " changed_at, rule_set_version, fired_rules) VALUES (?, 1, ?, 2, 'ORANGE', 'RAISED', 55, ?, ?, 'test',"
                        + " '[0]')",
                pointId,
                enterprise,
                Timestamp.from(raised),
                Timestamp.from(raised));
    }

    private JsonNode finished(long job) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            JsonNode state = get("/api/v1/jobs/" + job, TestTokens.dispatch()).getBody();
            if (state.path("finishedAt").isTextual()) {
                return state;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " did not finish");
    }

    private ResponseEntity<JsonNode> post(String token, Object body) {
        return post("/api/v1/inspection-plans", token, body);
    }

    private ResponseEntity<JsonNode> post(String path, String token, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), JsonNode.class);
    }

    private ResponseEntity<byte[]> download(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(TestTokens.dispatch())), byte[].class);
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /** Stands in for the enforcement tasks: records what an after-commit listener receives. */
    @TestConfiguration
    static class AcceptedPlans {

        final List<InspectionPlanAccepted> events = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(InspectionPlanAccepted event) {
            events.add(event);
        }
    }
}

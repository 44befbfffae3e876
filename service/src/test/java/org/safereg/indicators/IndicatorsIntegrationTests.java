package org.safereg.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
 * The outcome indicators on a small province written fact by fact: two counties, two sectors, March 2025 against
 * March 2024. Every expectation is computed here from the facts inserted, never copied from an answer.
 */
@IntegrationTest
class IndicatorsIntegrationTests {

    static final String OTHER_COUNTY = "149902";
    static final String VERSION = "0".repeat(64);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    Http http;
    Province.Enterprise chemicals;
    Province.Enterprise builder;
    Province.Enterprise chemicalsElsewhere;

    /** A hazard: who found it, when, and when its rectification was verified. */
    record HazardFact(long enterpriseId, String source, LocalDate found, LocalDate verified) {
        long days() {
            return verified.toEpochDay() - found.toEpochDay();
        }
    }

    /** An alarm: when raised and how many seconds until acknowledged (null: never). */
    record AlarmFact(long enterpriseId, LocalDateTime raised, Integer ackSeconds) {}

    /** An inspection: when its result came back, who reported it, whether it found violations. */
    record InspectionFact(long enterpriseId, LocalDateTime completed, String reporter, boolean violations) {}

    final List<HazardFact> hazards = new ArrayList<>();
    final List<AlarmFact> alarms = new ArrayList<>();
    final List<InspectionFact> inspections = new ArrayList<>();

    @BeforeEach
    void province() {
        http = new Http(rest);
        // a second county inside the test city's code range, without a parent row, so that resetting the test
        // city does not trip over it
        if (jdbc.queryForObject("SELECT COUNT(*) FROM regions WHERE code = ?", Integer.class, OTHER_COUNTY) == 0) {
            jdbc.update(
                    "INSERT INTO regions (code, name, level, parent_code) VALUES (?, '测试二县', 'COUNTY', NULL)",
                    OTHER_COUNTY);
        }
        Province province = Province.reset(jdbc, redis);
        chemicals = province.enterprise("一号化工", "HAZARDOUS_CHEMICALS", "VALID");
        builder = province.enterprise("二号建筑", "CONSTRUCTION", "VALID");
        chemicalsElsewhere = province.enterprise("三号化工", "HAZARDOUS_CHEMICALS", "VALID");
        jdbc.update("UPDATE enterprises SET region_code = ? WHERE id = ?", OTHER_COUNTY, chemicalsElsewhere.id());

        // accidents: March 2025 has four in the county (one larger with 3 deaths), March 2024 two
        accident(chemicals.id(), "2025-03-10", "GENERAL", 0);
        accident(chemicals.id(), "2025-03-20", "LARGER", 3);
        accident(builder.id(), "2025-03-02", "GENERAL", 1);
        accident(chemicalsElsewhere.id(), "2025-03-05", "GENERAL", 0);
        accident(chemicals.id(), "2024-03-15", "GENERAL", 0);
        accident(builder.id(), "2024-03-16", "GENERAL", 0);
        accident(chemicals.id(), "2025-04-01", "GENERAL", 0);

        hazards.add(new HazardFact(
                chemicals.id(), "SELF_CHECK", LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-11")));
        hazards.add(new HazardFact(
                chemicals.id(),
                "DEPARTMENT_VERIFICATION",
                LocalDate.parse("2025-03-02"),
                LocalDate.parse("2025-03-04")));
        hazards.add(new HazardFact(
                builder.id(), "SELF_CHECK", LocalDate.parse("2025-02-20"), LocalDate.parse("2025-03-25")));
        hazards.add(new HazardFact(
                chemicals.id(), "PLATFORM_SCREENING", LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-10")));
        hazards.add(new HazardFact(
                chemicalsElsewhere.id(), "SELF_CHECK", LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31")));
        for (int i = 0; i < hazards.size(); i++) {
            HazardFact h = hazards.get(i);
            jdbc.update(
                    "INSERT INTO hazards (enterprise_id, source, grade, description, found_on, deadline, rectified_on,"
                            + " verified_on) VALUES (?, ?, 'GENERAL', ?, ?, ?, ?, ?)",
                    h.enterpriseId(),
                    h.source(),
                    "隐患 " + i,
                    h.found(),
                    h.found().plusDays(60),
                    h.verified(),
                    h.verified());
        }

        long point = point(chemicals.id(), "P-1");
        point(chemicals.id(), "P-2");
        long builderPoint = point(builder.id(), "P-3");
        alarms.add(new AlarmFact(chemicals.id(), LocalDateTime.parse("2025-03-01T08:00:00"), 60));
        alarms.add(new AlarmFact(chemicals.id(), LocalDateTime.parse("2025-03-02T08:00:00"), 600));
        alarms.add(new AlarmFact(chemicals.id(), LocalDateTime.parse("2025-03-03T08:00:00"), 120));
        alarms.add(new AlarmFact(builder.id(), LocalDateTime.parse("2025-03-04T08:00:00"), 3600));
        alarms.add(new AlarmFact(builder.id(), LocalDateTime.parse("2025-03-05T08:00:00"), null));
        for (int i = 0; i < alarms.size(); i++) {
            AlarmFact a = alarms.get(i);
            LocalDateTime acknowledged =
                    a.ackSeconds() == null ? null : a.raised().plusSeconds(a.ackSeconds());
            jdbc.update(
                    "INSERT INTO alarms (point_id, episode, enterprise_id, level, colour, state, reading_value, raised_at,"
                            + " changed_at, acknowledged_at, rule_set_version) VALUES (?, ?, ?, 1, 'YELLOW', ?, 30, ?, ?, ?, ?)",
                    a.enterpriseId() == chemicals.id() ? point : builderPoint,
                    i + 1,
                    a.enterpriseId(),
                    acknowledged == null ? "RAISED" : "ACKNOWLEDGED",
                    Timestamp.valueOf(a.raised()),
                    Timestamp.valueOf(a.raised()),
                    acknowledged == null ? null : Timestamp.valueOf(acknowledged),
                    VERSION);
        }

        inspections.add(
                new InspectionFact(chemicals.id(), LocalDateTime.parse("2025-03-05T10:00:00"), "dispatch", true));
        inspections.add(
                new InspectionFact(chemicals.id(), LocalDateTime.parse("2025-03-06T10:00:00"), "dispatch", false));
        inspections.add(new InspectionFact(builder.id(), LocalDateTime.parse("2025-03-07T10:00:00"), "dispatch", true));
        inspections.add(new InspectionFact(
                chemicalsElsewhere.id(), LocalDateTime.parse("2025-03-08T10:00:00"), "dispatch", false));
        for (int i = 0; i < inspections.size(); i++) {
            task(i, inspections.get(i), "manual:" + i);
        }
        // and one inspection an accepted plan sent inspector wang on: counted as hers
        long plan = plan();
        planItem(plan, 1, builder.id(), "wang");
        InspectionFact planned =
                new InspectionFact(builder.id(), LocalDateTime.parse("2025-03-09T10:00:00"), "dispatch", false);
        inspections.add(planned);
        task(99, planned, "inspection-plan:" + plan + ":item:1");

        // credit: chemicals B in January, C from February 10th; the builder A from February 20th
        credit(chemicals.id(), "B", "2025-01-15T00:00:00");
        credit(chemicals.id(), "C", "2025-02-10T00:00:00");
        credit(builder.id(), "A", "2025-02-20T00:00:00");
        risk(chemicals.id(), "YELLOW", "2025-01-15T00:00:00");
        risk(chemicals.id(), "RED", "2025-03-15T00:00:00");
    }

    @Test
    void marchInTheTestCityCountsWhatWasRecordedThere() {
        JsonNode march =
                period(get("/api/v1/indicators?granularity=MONTH&from=2025-01&to=2025-04&region=149900"), "2025-03");

        // accidents: both counties, March 2025 against March 2024
        assertThat(march.at("/accidents/total").asLong()).isEqualTo(4);
        assertThat(march.at("/accidents/deaths").asLong()).isEqualTo(4);
        assertThat(march.at("/accidents/byGrade/GENERAL").asLong()).isEqualTo(3);
        assertThat(march.at("/accidents/byGrade/LARGER").asLong()).isEqualTo(1);
        assertThat(march.at("/accidents/yearBefore").asLong()).isEqualTo(2);
        assertThat(march.at("/accidents/yearOnYearChange").asDouble()).isCloseTo((4 - 2) / 2.0, within(1e-4));

        // rectification: days from found to verified of those verified in March
        List<Long> days = hazards.stream()
                .filter(h -> h.verified().getMonthValue() == 3)
                .map(HazardFact::days)
                .sorted()
                .toList();
        assertThat(march.at("/rectification/verified").asLong()).isEqualTo(days.size());
        assertThat(march.at("/rectification/meanDays").asDouble())
                .isCloseTo(days.stream().mapToLong(Long::longValue).average().orElseThrow(), within(0.01));
        assertThat(march.at("/rectification/p90Days").asLong()).isEqualTo(nearestRank(days, 0.9));

        // hazards found in March and the share the enterprises reported themselves
        List<HazardFact> foundInMarch =
                hazards.stream().filter(h -> h.found().getMonthValue() == 3).toList();
        long self = foundInMarch.stream()
                .filter(h -> h.source().equals("SELF_CHECK"))
                .count();
        assertThat(march.at("/hazards/found").asLong()).isEqualTo(foundInMarch.size());
        assertThat(march.at("/hazards/selfReported").asLong()).isEqualTo(self);
        assertThat(march.at("/hazards/selfReportedShare").asDouble())
                .isCloseTo((double) self / foundInMarch.size(), within(1e-4));

        // inspections: four reported by dispatch, one counted to the plan's inspector
        assertThat(march.at("/inspections/inspections").asLong()).isEqualTo(inspections.size());
        assertThat(march.at("/inspections/inspectors").asLong()).isEqualTo(2);
        assertThat(march.at("/inspections/perInspector").asDouble()).isCloseTo(inspections.size() / 2.0, within(1e-4));
        long withViolations =
                inspections.stream().filter(InspectionFact::violations).count();
        assertThat(march.at("/inspections/withViolations").asLong()).isEqualTo(withViolations);
        assertThat(march.at("/inspections/violationShare").asDouble())
                .isCloseTo((double) withViolations / inspections.size(), within(1e-4));

        // alarms: acknowledgement time over the acknowledged ones; per point of the scope (three points)
        List<Long> seconds = alarms.stream()
                .filter(a -> a.ackSeconds() != null)
                .map(a -> (long) a.ackSeconds())
                .sorted()
                .toList();
        assertThat(march.at("/alarms/raised").asLong()).isEqualTo(alarms.size());
        assertThat(march.at("/alarms/acknowledged").asLong()).isEqualTo(seconds.size());
        assertThat(march.at("/alarms/meanAcknowledgeSeconds").asDouble())
                .isCloseTo(seconds.stream().mapToLong(Long::longValue).average().orElseThrow(), within(0.01));
        assertThat(march.at("/alarms/p90AcknowledgeSeconds").asLong()).isEqualTo(nearestRank(seconds, 0.9));
        assertThat(march.at("/alarms/perMonitoringPoint").asDouble()).isCloseTo(alarms.size() / 3.0, within(1e-4));

        // credit and risk at the end of each month, from their history
        JsonNode report = get("/api/v1/indicators?granularity=MONTH&from=2025-01&to=2025-04&region=149900")
                .getBody();
        JsonNode january = period(report, "2025-01");
        JsonNode february = period(report, "2025-02");
        assertThat(january.at("/credit/B").asLong()).isEqualTo(1);
        assertThat(january.at("/credit/A").asLong()).isZero();
        assertThat(february.at("/credit/C").asLong()).isEqualTo(1);
        assertThat(february.at("/credit/B").asLong()).isZero();
        assertThat(february.at("/credit/A").asLong()).isEqualTo(1);
        assertThat(february.at("/risk/YELLOW").asLong()).isEqualTo(1);
        assertThat(march.at("/risk/RED").asLong()).isEqualTo(1);
        assertThat(march.at("/risk/YELLOW").asLong()).isZero();
    }

    @Test
    void aCountyAndASectorNarrowEveryIndicator() {
        JsonNode county = period(get("/api/v1/indicators?from=2025-03&to=2025-03&region=" + OTHER_COUNTY), "2025-03");
        assertThat(county.at("/accidents/total").asLong()).isEqualTo(1);
        assertThat(county.at("/rectification/verified").asLong()).isEqualTo(1);
        assertThat(county.at("/rectification/meanDays").asDouble()).isEqualTo(30.0);
        assertThat(county.at("/inspections/inspections").asLong()).isEqualTo(1);
        assertThat(county.at("/alarms/raised").asLong()).isZero();

        JsonNode construction =
                period(get("/api/v1/indicators?from=2025-03&to=2025-03&region=149900&sector=CONSTRUCTION"), "2025-03");
        assertThat(construction.at("/accidents/total").asLong()).isEqualTo(1);
        assertThat(construction.at("/alarms/raised").asLong())
                .isEqualTo(alarms.stream()
                        .filter(a -> a.enterpriseId() == builder.id())
                        .count());
        assertThat(construction.at("/inspections/inspections").asLong())
                .isEqualTo(inspections.stream()
                        .filter(i -> i.enterpriseId() == builder.id())
                        .count());

        // a quarter and a year hold the months inside them
        JsonNode quarter =
                period(get("/api/v1/indicators?granularity=QUARTER&from=2025-Q1&to=2025-Q2&region=149900"), "2025-Q1");
        assertThat(quarter.at("/accidents/total").asLong()).isEqualTo(4);
        JsonNode year = period(get("/api/v1/indicators?granularity=YEAR&from=2025&to=2025&region=149900"), "2025");
        assertThat(year.at("/accidents/total").asLong()).isEqualTo(5);
        assertThat(year.at("/accidents/yearBefore").asLong()).isEqualTo(2);
    }

    @Test
    void theHeatMapColoursEachCountyByItsEnterprisesRiskLevels() {
        jdbc.update(
                "INSERT INTO risk_results (enterprise_id, level, reasons, fired_rules, rule_set_version, evaluated_at)"
                        + " VALUES (?, 'RED', '[]', '[]', ?, CURRENT_TIMESTAMP)",
                chemicals.id(),
                VERSION);
        jdbc.update(
                "INSERT INTO risk_results (enterprise_id, level, reasons, fired_rules, rule_set_version, evaluated_at)"
                        + " VALUES (?, 'BLUE', '[]', '[]', ?, CURRENT_TIMESTAMP)",
                builder.id(),
                VERSION);
        JsonNode map = get("/api/v1/indicators/heat-map?region=149900").getBody();
        JsonNode first = map.at("/regions/0");
        assertThat(first.get("region").asText()).isEqualTo("149901");
        assertThat(first.get("regionName").asText()).isEqualTo("测试县");
        assertThat(first.get("enterprises").asLong()).isEqualTo(2);
        assertThat(first.at("/levels/RED").asLong()).isEqualTo(1);
        assertThat(first.get("highRiskShare").asDouble()).isEqualTo(0.5);
        JsonNode second = map.at("/regions/1");
        assertThat(second.get("region").asText()).isEqualTo(OTHER_COUNTY);
        assertThat(second.at("/levels/NOT_ASSESSED").asLong()).isEqualTo(1);
    }

    @Test
    void badPeriodsRegionsAndSectorsAreProblemsNamingTheField() {
        assertProblem("/api/v1/indicators?granularity=WEEK", "granularity");
        assertProblem("/api/v1/indicators?granularity=MONTH&from=2025-13", "from");
        assertProblem("/api/v1/indicators?granularity=QUARTER&to=2025-03", "to");
        assertProblem("/api/v1/indicators?from=2025-05&to=2025-01", "from");
        assertProblem("/api/v1/indicators?from=2000-01&to=2025-01", "from");
        assertProblem("/api/v1/indicators?region=12345", "region");
        assertProblem("/api/v1/indicators?region=999999", "region");
        assertProblem("/api/v1/indicators?sector=BAKERY", "sector");
        assertProblem("/api/v1/indicators/heat-map?region=abc", "region");

        ResponseEntity<JsonNode> enterprise = http.get("/api/v1/indicators", TestTokens.enterprise(chemicals.code()));
        assertThat(enterprise.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // --- helpers ---

    private void assertProblem(String path, String field) {
        ResponseEntity<JsonNode> answer = http.get(path, TestTokens.policyAdmin());
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(answer.getBody().toString()).as(path).contains("\"" + field + "\"");
    }

    private ResponseEntity<JsonNode> get(String path) {
        ResponseEntity<JsonNode> answer = http.get(path, TestTokens.policyAdmin());
        assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer;
    }

    private static JsonNode period(ResponseEntity<JsonNode> answer, String label) {
        return period(answer.getBody(), label);
    }

    private static JsonNode period(JsonNode report, String label) {
        for (JsonNode p : report.get("periods")) {
            if (p.get("period").asText().equals(label)) {
                return p;
            }
        }
        throw new AssertionError("no period " + label + " in " + report);
    }

    /** The smallest value at or above the fraction of the ordered values (nearest rank). */
    private static long nearestRank(List<Long> sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    private void accident(long enterprise, String on, String grade, int deaths) {
        jdbc.update(
                "INSERT INTO accidents (enterprise_id, occurred_on, grade, deaths, concealed, description)"
                        + " VALUES (?, ?, ?, ?, FALSE, '事故')",
                enterprise,
                LocalDate.parse(on),
                grade,
                deaths);
    }

    private long point(long enterprise, String code) {
        jdbc.update(
                "INSERT INTO monitoring_points (code, enterprise_id, equipment_type, equipment_id, equipment_name,"
                        + " metric, unit, created_at) VALUES (?, ?, 'GAS_DETECTOR', ?, '探测器', 'COMBUSTIBLE_GAS', '%LEL',"
                        + " CURRENT_TIMESTAMP)",
                code + "-" + enterprise, enterprise, code);
        return jdbc.queryForObject(
                "SELECT id FROM monitoring_points WHERE code = ?", Long.class, code + "-" + enterprise);
    }

    private void task(int n, InspectionFact inspection, String trigger) {
        String result = inspection.violations()
                ? "{\"inspectedOn\":\"2025-03-01\",\"violations\":[{\"description\":\"未定期检测\"}],\"hazards\":null}"
                : "{\"inspectedOn\":\"2025-03-01\",\"violations\":[],\"hazards\":null}";
        jdbc.update(
                "INSERT INTO enforcement_tasks (idempotency_key, enterprise_id, type, reason, trigger_ref, priority,"
                        + " due_from, due_by, state, rule_set_version, fired_rules, created_at, completed_by, completed_at,"
                        + " result) VALUES (?, ?, 'ON_SITE_INSPECTION', 'TEST', ?, 2, ?, ?, 'COMPLETED', ?, '[]', ?, ?, ?, ?)",
                "test:" + n,
                inspection.enterpriseId(),
                trigger,
                LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-31"),
                VERSION,
                Timestamp.valueOf(inspection.completed().minusDays(3)),
                inspection.reporter(),
                Timestamp.valueOf(inspection.completed()),
                result);
    }

    private long plan() {
        jdbc.update(
                "INSERT INTO inspection_plans (region_code, period_kind, period_start, period_end, seed, state,"
                        + " rule_set_version, inputs, facts_digest, digest, population, warnings, mandatory_items, random_items,"
                        + " created_by, created_at) VALUES ('149901', 'MONTH', '2025-03-01', '2025-03-31', 1, 'ACCEPTED', ?,"
                        + " '{}', ?, ?, '{}', '[]', 1, 0, 'test', CURRENT_TIMESTAMP)",
                VERSION,
                VERSION,
                VERSION);
        return jdbc.queryForObject("SELECT MAX(id) FROM inspection_plans", Long.class);
    }

    private void planItem(long plan, int seq, long enterprise, String inspector) {
        jdbc.update(
                "INSERT INTO inspection_plan_items (plan_id, seq, enterprise_id, kind, credit_tier, risk_level,"
                        + " due_from, due_to, priority, inspector_id, inspector_name, fired_rules, focus) VALUES (?, ?, ?,"
                        + " 'MANDATORY', 'C', 'RED', '2025-03-01', '2025-03-31', 1, ?, ?, '[]', '{}')",
                plan,
                seq,
                enterprise,
                inspector,
                inspector);
    }

    private void credit(long enterprise, String tier, String at) {
        jdbc.update(
                "INSERT INTO credit_history (enterprise_id, score, tier, previous_tier, vetoes, rule_set_version,"
                        + " evaluated_at) VALUES (?, 80, ?, NULL, '[]', ?, ?)",
                enterprise,
                tier,
                VERSION,
                Timestamp.valueOf(LocalDateTime.parse(at)));
    }

    private void risk(long enterprise, String level, String at) {
        jdbc.update(
                "INSERT INTO risk_history (enterprise_id, level, previous_level, cause, rule_set_version, evaluated_at)"
                        + " VALUES (?, ?, NULL, 'TEST', ?, ?)",
                enterprise,
                level,
                VERSION,
                Timestamp.valueOf(LocalDateTime.parse(at)));
    }
}

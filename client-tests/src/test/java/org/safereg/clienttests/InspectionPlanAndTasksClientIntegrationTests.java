package org.safereg.clienttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.clienttests.Clients.failure;
import static org.safereg.clienttests.Clients.problem;

import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.client.ApiException;
import org.safereg.client.ApiResponse;
import org.safereg.client.api.EnforcementTasksApi;
import org.safereg.client.api.InspectionPlansApi;
import org.safereg.client.model.FoundHazard;
import org.safereg.client.model.FoundViolation;
import org.safereg.client.model.HazardView;
import org.safereg.client.model.InspectorRequest;
import org.safereg.client.model.Item;
import org.safereg.client.model.PlanRequest;
import org.safereg.client.model.PlanRequestPeriod;
import org.safereg.client.model.PlanView;
import org.safereg.client.model.TaskResult;
import org.safereg.client.model.TaskView;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dispatch plans next quarter's inspections, exports and accepts the plan, then works the inspection tasks it
 * opened, all through the generated client.
 */
@IntegrationTest
class InspectionPlanAndTasksClientIntegrationTests {

    private static final String COUNTY = "149901";
    private static final String CITY = "149900";
    private static final String DISPATCH = TestTokens.dispatch();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private Clients clients;
    private InspectionPlansApi plans;
    private EnforcementTasksApi tasks;
    private String chemicals;
    private LocalDate today;
    private LocalDate nextQuarter;

    /** A red-risk chemical plant with an open major hazard among twenty trustworthy blue-risk small firms. */
    @BeforeEach
    void county() {
        Province province = Province.reset(jdbc, redis);
        today = LocalDate.now();
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        nextQuarter = quarterStart.plusMonths(3);
        Province.Enterprise plant = province.enterprise("红色化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .majorHazard(today.minusDays(20), today.plusDays(40), null);
        chemicals = plant.code();
        decided(plant, 3, "B", "RED");
        for (int i = 0; i < 20; i++) {
            decided(province.enterprise("守信商贸" + i, "OTHER", "NOT_REQUIRED"), 1, "A", "BLUE");
        }
        clients = new Clients(port);
        plans = clients.inspectionPlans(DISPATCH);
        tasks = clients.tasks(DISPATCH);
    }

    @Test
    void aPlanIsMadeFetchedExportedAsCsvAndAcceptedOnce() throws Exception {
        ApiResponse<PlanView> created = plans.createInspectionPlanWithHttpInfo(nextQuarterOf(COUNTY), true);

        assertThat(created.getStatusCode()).isEqualTo(201);
        PlanView plan = created.getData();
        long id = plan.getId();
        assertThat(created.getHeaders().get("Location")).containsExactly("/api/v1/inspection-plans/" + id);
        assertThat(plan.getState()).isEqualTo("PROPOSED");
        assertThat(plan.getSeed()).isEqualTo(3L);
        assertThat(plan.getPeriod().getEnd())
                .isEqualTo(nextQuarter.plusMonths(3).minusDays(1));
        Item red = plan.getMandatory().stream()
                .filter(item -> item.getEnterprise().getCode().equals(chemicals))
                .findFirst()
                .orElseThrow();
        assertThat(red.getReasons().getRiskLevel()).isEqualTo("RED");
        assertThat(red.getReasons().getCreditTier()).isEqualTo("B");
        assertThat(red.getReasons().getSupervision()).isEqualTo("KEY");
        assertThat(red.getReasons().getRuleSetVersion()).isEqualTo(plan.getRuleSetVersion());
        assertThat(red.getReasons().getRules().get(0).getFile()).isEqualTo("decision-tables/inspection-frequency.xlsx");
        assertThat(red.getFocus().getOpenHazards().getTotal()).isEqualTo(1);
        assertThat(plan.getCounts().getTotal())
                .isEqualTo(plan.getMandatory().size() + plan.getRandom().size());
        assertThat(plans.getInspectionPlan(id)).isEqualTo(plan);

        File csv = plans.exportInspectionPlan(id, "csv");
        String[] lines = Files.readString(csv.toPath(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1 + plan.getCounts().getTotal());
        assertThat(lines[0]).contains("seq,kind,enterprise,name");
        assertThat(lines[1]).contains(chemicals).contains("MANDATORY").contains("红色化工有限公司");

        PlanView accepted = plans.acceptInspectionPlan(id);
        assertThat(accepted.getState()).isEqualTo("ACCEPTED");
        assertThat(accepted.getAcceptedBy()).isEqualTo("dispatch");
        ApiException twice = failure(() -> plans.acceptInspectionPlan(id));
        assertThat(twice.getCode()).isEqualTo(409);
        assertThat(problem(twice).getType()).isEqualTo(URI.create("urn:safereg:problem:conflict"));
    }

    @Test
    void dispatchClaimsThePlansInspectionTaskAndItsResultRecordsWhatWasFound() throws Exception {
        long plan = plans.createInspectionPlan(nextQuarterOf(COUNTY), true).getId();
        plans.acceptInspectionPlan(plan);

        List<TaskView> open = tasks.listTasks("OPEN", "ON_SITE_INSPECTION", chemicals, null, null, null)
                .getItems();
        assertThat(open).singleElement().satisfies(task -> {
            assertThat(task.getReason()).isEqualTo("INSPECTION_PLAN_KEY_SUPERVISION");
            assertThat(task.getEnterpriseName()).isEqualTo("红色化工有限公司");
            assertThat(task.getTrigger()).startsWith("inspection-plan:" + plan + ":item:");
        });
        long id = open.get(0).getId();

        TaskView claimed = tasks.claimTask(id);
        assertThat(claimed.getState()).isEqualTo("CLAIMED");
        assertThat(claimed.getClaimedBy()).isEqualTo("dispatch");
        assertThat(problem(failure(() -> tasks.claimTask(id))).getStatus()).isEqualTo(409);

        TaskView completed = tasks.completeTask(
                id,
                new TaskResult()
                        .inspectedOn(today)
                        .addViolationsItem(new FoundViolation()
                                .description("特种作业无证上岗")
                                .lawArticle("WSL-97")
                                .penaltyAmount(new BigDecimal("30000")))
                        .addHazardsItem(new FoundHazard()
                                .grade("GENERAL")
                                .description("标识模糊")
                                .deadline(today.plusDays(7)))
                        .note("现场检查"));

        assertThat(completed.getState()).isEqualTo("COMPLETED");
        assertThat(completed.getCompletedBy()).isEqualTo("dispatch");
        assertThat(completed.getResult().getViolations()).hasSize(1);
        assertThat(completed.getResult().getNote()).isEqualTo("现场检查");
        assertThat(tasks.getTask(id)).isEqualTo(completed);
        List<HazardView> found = clients.hazards(DISPATCH)
                .listHazards(chemicals, "GENERAL", true, null, null, null)
                .getItems();
        assertThat(found).singleElement().satisfies(hazard -> {
            assertThat(hazard.getDescription()).isEqualTo("标识模糊");
            assertThat(hazard.getFoundByTask()).isEqualTo(id);
        });
    }

    private PlanRequest nextQuarterOf(String region) {
        return new PlanRequest()
                .region(region)
                .period(new PlanRequestPeriod()
                        .kind(PlanRequestPeriod.KindEnum.QUARTER)
                        .start(nextQuarter))
                .seed(3L)
                .addInspectorsItem(inspector("I1", "张三", COUNTY))
                .addInspectorsItem(inspector("I2", "李四", CITY));
    }

    private static InspectorRequest inspector(String id, String name, String region) {
        return new InspectorRequest().id(id).name(name).region(region).capacity(50);
    }

    /** The standardisation grade, credit tier and risk level the planner reads, as earlier decisions left them. */
    private void decided(Province.Enterprise enterprise, int grade, String tier, String level) {
        jdbc.update("UPDATE enterprises SET standardisation_grade = ? WHERE id = ?", grade, enterprise.id());
        jdbc.update(
                "INSERT INTO credit_results (enterprise_id, score, tier, score_tier, measures, indicators, vetoes,"
                        + " fired_rules, rule_set_version, evaluated_at, content_hash)"
                        + " VALUES (?, 80, ?, ?, '{}', '[]', '[]', '[]', 'test', CURRENT_TIMESTAMP(3), 0)",
                enterprise.id(),
                tier,
                tier);
        jdbc.update(
                "INSERT INTO risk_results (enterprise_id, level, reasons, fired_rules, rule_set_version, evaluated_at)"
                        + " VALUES (?, ?, '[]', '[]', 'test', CURRENT_TIMESTAMP(3))",
                enterprise.id(),
                level);
    }
}

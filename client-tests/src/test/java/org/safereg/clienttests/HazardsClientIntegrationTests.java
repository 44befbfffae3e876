package org.safereg.clienttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.clienttests.Clients.failure;
import static org.safereg.clienttests.Clients.problem;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.client.ApiException;
import org.safereg.client.ApiResponse;
import org.safereg.client.api.HazardsApi;
import org.safereg.client.model.HazardView;
import org.safereg.client.model.NewHazard;
import org.safereg.client.model.NewHazard.GradeEnum;
import org.safereg.client.model.NewHazard.SourceEnum;
import org.safereg.client.model.Problem;
import org.safereg.client.model.ProblemInputError;
import org.safereg.client.model.Rectification;
import org.safereg.client.model.Verification;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** An inspector records a hazard, the enterprise rectifies it and the inspector verifies, through the client. */
@IntegrationTest
class HazardsClientIntegrationTests {

    private static final String INSPECTOR = TestTokens.token("inspector-7", List.of("INSPECTOR"), null);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private Clients clients;
    private HazardsApi inspector;
    private String plant;
    private LocalDate today;

    @BeforeEach
    void aPlant() {
        plant = Province.reset(jdbc, redis)
                .enterprise("隐患化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .code();
        clients = new Clients(port);
        inspector = clients.hazards(INSPECTOR);
        today = LocalDate.now();
    }

    @Test
    void aRecordedHazardIsRectifiedByItsEnterpriseAndVerifiedByTheInspector() throws Exception {
        ApiResponse<HazardView> recorded =
                inspector.recordHazardWithHttpInfo(major("特种作业无证上岗", today.minusDays(20), today.plusDays(10)));

        assertThat(recorded.getStatusCode()).isEqualTo(201);
        HazardView hazard = recorded.getData();
        long id = hazard.getId();
        assertThat(recorded.getHeaders().get("Location")).containsExactly("/api/v1/hazards/" + id);
        assertThat(hazard.getState()).isEqualTo("OPEN");
        assertThat(hazard.getOverdue()).isFalse();
        assertThat(hazard.getGrade()).isEqualTo("MAJOR");
        assertThat(hazard.getDeadline()).isEqualTo(today.plusDays(10));
        assertThat(hazard.getRecordedBy()).isEqualTo("inspector-7");
        assertThat(inspector.getHazard(id)).isEqualTo(hazard);
        assertThat(inspector.listHazards(plant, null, true, null, null, null).getItems())
                .containsExactly(hazard);

        HazardView rectified = clients.hazards(TestTokens.enterprise(plant))
                .rectifyHazard(id, new Rectification().rectifiedOn(today.minusDays(2)));
        assertThat(rectified.getState()).isEqualTo("RECTIFIED");
        assertThat(rectified.getRectifiedOn()).isEqualTo(today.minusDays(2));

        HazardView verified = inspector.verifyHazardRectification(id, new Verification().verifiedOn(today));
        assertThat(verified.getState()).isEqualTo("VERIFIED");
        assertThat(verified.getVerifiedBy()).isEqualTo("inspector-7");
        assertThat(verified.getVerifiedOn()).isEqualTo(today);
        assertThat(inspector.listHazards(plant, null, true, null, null, null).getItems())
                .isEmpty();
    }

    @Test
    void aVerificationBeforeTheRectificationIsAConflict() throws Exception {
        long id = inspector
                .recordHazard(major("设备老化", today.minusDays(5), today.plusDays(30)))
                .getId();

        ApiException early =
                failure(() -> inspector.verifyHazardRectification(id, new Verification().verifiedOn(today)));

        assertThat(early.getCode()).isEqualTo(409);
        assertThat(problem(early).getType()).isEqualTo(URI.create("urn:safereg:problem:conflict"));
        assertThat(inspector.getHazard(id).getState()).isEqualTo("OPEN");
    }

    @Test
    void aDeadlineBeforeTheDayItWasFoundIsRefusedNamingTheField() {
        ApiException refused = failure(() -> inspector.recordHazard(major("设备老化", today, today.minusDays(1))));

        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = problem(refused);
        assertThat(problem.getType()).isEqualTo(URI.create("urn:safereg:problem:invalid-input"));
        assertThat(problem.getErrors()).extracting(ProblemInputError::getField).contains("deadline");
        assertThat(problem.getDetail()).contains("before the day");
    }

    private NewHazard major(String description, LocalDate foundOn, LocalDate deadline) {
        return new NewHazard()
                .enterprise(plant)
                .source(SourceEnum.DEPARTMENT_VERIFICATION)
                .grade(GradeEnum.MAJOR)
                .description(description)
                .foundOn(foundOn)
                .deadline(deadline);
    }
}

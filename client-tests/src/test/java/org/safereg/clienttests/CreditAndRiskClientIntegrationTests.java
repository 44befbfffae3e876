package org.safereg.clienttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.clienttests.Clients.failure;
import static org.safereg.clienttests.Clients.problem;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.client.ApiException;
import org.safereg.client.ApiResponse;
import org.safereg.client.api.CreditApi;
import org.safereg.client.api.RiskApi;
import org.safereg.client.model.CreditJobView;
import org.safereg.client.model.CreditView;
import org.safereg.client.model.HistoryView;
import org.safereg.client.model.IndicatorPoints;
import org.safereg.client.model.Problem;
import org.safereg.client.model.ProvenanceViewRule;
import org.safereg.client.model.RiskView;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A policy admin evaluates credit and reads credit and risk through the generated client. */
@IntegrationTest
class CreditAndRiskClientIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private CreditApi credit;
    private RiskApi risk;
    private String spotless;
    private String dishonest;

    @BeforeEach
    void twoEnterprises() {
        Province province = Province.reset(jdbc, redis);
        LocalDate today = LocalDate.now();
        // every indicator at its best: 100 points, tier A
        spotless = province.enterprise("无瑕化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .majorHazard(
                        today.minusMonths(3),
                        today.minusMonths(2),
                        today.minusMonths(2).minusDays(3))
                .training(today.getYear(), 40, 40)
                .drill(today.minusMonths(4), true)
                .drill(today.minusMonths(8), true)
                .code();
        // a serious accident two months ago: tier D whatever the score (一票否决)
        dishonest = province.enterprise("事故商贸有限公司", "OTHER", "VALID")
                .training(today.getYear(), 10, 10)
                .drill(today.minusMonths(1), true)
                .accident(today.minusMonths(2), "SERIOUS", 10, false)
                .code();
        Clients clients = new Clients(port);
        credit = clients.credit(TestTokens.policyAdmin());
        risk = clients.risk(TestTokens.policyAdmin());
    }

    @Test
    void anEvaluationStartedThroughTheClientGivesEachEnterpriseItsExplainedCredit() throws Exception {
        ApiResponse<CreditJobView> started = credit.startCreditEvaluationWithHttpInfo();

        assertThat(started.getStatusCode()).isEqualTo(202);
        long id = started.getData().getId();
        assertThat(started.getHeaders().get("Location")).containsExactly("/api/v1/credit/evaluations/" + id);
        CreditJobView job = finished(id);
        assertThat(job.getState()).isEqualTo("SUCCEEDED");
        assertThat(job.getProcessed()).isEqualTo(2);
        assertThat(job.getPercentDone()).isEqualTo(100.0);
        assertThat(job.getRequestedBy()).isEqualTo("policy-admin");

        CreditView a = credit.getCredit(spotless);
        assertThat(a.getCreditCode()).isEqualTo(spotless);
        assertThat(a.getTier()).isEqualTo("A");
        assertThat(a.getScore()).isEqualByComparingTo(new BigDecimal("100"));
        assertThat(a.getIndicators())
                .extracting(IndicatorPoints::getIndicator)
                .containsExactlyInAnyOrder(
                        "MAJOR_HAZARD_RECTIFICATION", "VIOLATIONS", "TRAINING_COVERAGE", "DRILL_COMPLETION");
        assertThat(a.getIndicators())
                .allSatisfy(indicator -> assertThat(indicator.getPoints()).isEqualTo(100.0));
        assertThat(a.getMeasures().getDrillsPlanned()).isEqualTo(2);
        assertThat(a.getMeasures().getDrillsCompleted()).isEqualTo(2);
        assertThat(a.getMeasures().getEmployeesTrained()).isEqualTo(40);
        assertThat(a.getVetoes()).isEmpty();
        assertThat(a.getRuleSetVersion()).hasSize(64);
        assertThat(a.getEvaluatedAt()).isNotNull();
        assertThat(a.getFiredRules())
                .extracting(ProvenanceViewRule::getFile)
                .contains("decision-tables/credit-scoring.xlsx", "rules/credit-score.drl");
        assertThat(a.getFiredRules()).extracting(ProvenanceViewRule::getSheet).contains("Credit scoring");
        assertThat(a.getProvenance().getRuleSetVersion()).isEqualTo(a.getRuleSetVersion());
        assertThat(a.getProvenance().getRules()).isEqualTo(a.getFiredRules());

        CreditView d = credit.getCredit(dishonest);
        assertThat(d.getTier()).isEqualTo("D");
        assertThat(d.getScoreTier()).isEqualTo("A");
        assertThat(d.getVetoes()).singleElement().satisfies(veto -> {
            assertThat(veto.getRule())
                    .isEqualTo("MEM Order 11: especially serious or serious accident within 36 months");
            assertThat(veto.getTier()).isEqualTo("D");
        });

        List<HistoryView> history = credit.listCreditHistory(dishonest, null);
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.getTier()).isEqualTo("D");
            assertThat(entry.getPreviousTier()).isNull();
            assertThat(entry.getJobId()).isEqualTo(id);
            assertThat(entry.getVetoes()).hasSize(1);
        });
    }

    @Test
    void aCreditTierOfDMakesTheRiskOrangeWithTheInputsThatDecidedIt() throws Exception {
        ApiResponse<Map<String, String>> recompute = risk.startRiskEvaluationWithHttpInfo();
        assertThat(recompute.getStatusCode()).isEqualTo(202);
        assertThat(riskOnce(spotless, view -> true).getInputs().getCreditTier()).isNull();

        finished(credit.startCreditEvaluation().getId());

        RiskView orange = riskOnce(dishonest, view -> "ORANGE".equals(view.getLevel()));
        assertThat(orange.getCreditCode()).isEqualTo(dishonest);
        assertThat(orange.getInputs().getCreditTier()).isEqualTo("D");
        assertThat(orange.getInputs().getSector()).isEqualTo("OTHER");
        assertThat(orange.getInputs().getOpenLevel2Alarms()).isZero();
        assertThat(orange.getReasons().get(0).getDetail()).isEqualTo("credit tier D");
        assertThat(orange.getReasons().get(0).getDecisive()).isTrue();
        assertThat(orange.getReasons().get(0).getRule().getFile()).isEqualTo("decision-tables/risk-level.xlsx");
        assertThat(orange.getReasons().get(0).getRule().getTable()).isEqualTo("Credit tier");
        assertThat(orange.getProvenance().getRules()).isEqualTo(orange.getFiredRules());
        assertThat(risk.listRiskHistory(dishonest, null).get(0).getCause()).isEqualTo("CREDIT");
        RiskView blue = riskOnce(spotless, view -> view.getInputs().getCreditTier() != null);
        assertThat(blue.getLevel()).isEqualTo("BLUE");
        assertThat(blue.getInputs().getCreditTier()).isEqualTo("A");
    }

    @Test
    void aMalformedCodeIsABadRequestAndAnUnknownOneIsNotFound() {
        ApiException malformed = failure(() -> credit.getCredit("not-a-code"));
        assertThat(malformed.getCode()).isEqualTo(400);
        Problem invalid = problem(malformed);
        assertThat(invalid.getType()).isEqualTo(URI.create("urn:safereg:problem:invalid-input"));
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getDetail()).contains("not-a-code");

        ApiException unknown = failure(() -> risk.getRisk(Province.unknownCode()));
        assertThat(unknown.getCode()).isEqualTo(404);
        assertThat(problem(unknown).getType()).isEqualTo(URI.create("urn:safereg:problem:not-found"));

        ApiException notYet = failure(() -> credit.getCredit(spotless));
        assertThat(problem(notYet).getDetail()).contains("has not been evaluated yet");
    }

    private CreditJobView finished(long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            CreditJobView job = credit.getCreditEvaluation(id);
            if (!"RUNNING".equals(job.getState())) {
                return job;
            }
            assertThat(System.nanoTime()).as("evaluation finished within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Risk is recomputed after a change, off the request: wait until it says what is expected (at most 20 s). */
    private RiskView riskOnce(String code, Predicate<RiskView> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                RiskView view = risk.getRisk(code);
                if (expected.test(view) || System.nanoTime() > deadline) {
                    return view;
                }
            } catch (ApiException e) {
                if (e.getCode() != 404 || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
    }
}

package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safereg.SafeRegApplication;
import org.safereg.engine.RuleEngine;
import org.safereg.province.SyntheticProvince;
import org.safereg.support.IntegrationTest;
import org.safereg.support.RealStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances share a full credit run split by city: each takes cities until none is left, every
 * enterprise is decided exactly once (the two instances' decision counters add up to the province), the
 * run ends on the version in force, and its log line counts cities, not stage times the instance did not see.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
// closed after the class: an instance taking part in partitioned runs must not linger for later tests
@DirtiesContext
@TestPropertySource(
        properties = {
            "safereg.partitions.enabled=true",
            "safereg.partitions.poll=PT0.05S",
            "safereg.credit.page-size=50",
            "safereg.credit.evaluate-on-start=false"
        })
class CreditPartitionsIntegrationTests {

    private static final int ENTERPRISES = 1500;

    private static ConfigurableApplicationContext second;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CreditEvaluations evaluations;

    @Autowired
    RuleEngine engine;

    @Autowired
    MeterRegistry registry;

    @BeforeAll
    static void startASecondInstance() {
        second = new SpringApplicationBuilder(SafeRegApplication.class)
                .initializers(new RealStores())
                .properties(
                        "server.port=0",
                        "safereg.partitions.enabled=true",
                        "safereg.partitions.poll=PT0.05S",
                        "safereg.credit.page-size=50",
                        "safereg.credit.evaluate-on-start=false")
                .run();
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesShareARunAndDecideEveryEnterpriseOnce(CapturedOutput output) {
        SyntheticProvince province = new SyntheticProvince(dataSource);
        province.clear();
        try {
            province.generate(ENTERPRISES, 20260101L, LocalDate.now());
            jdbc.update("DELETE FROM job_partitions");
            double before = decisions(registry) + decisions(second.getBean(MeterRegistry.class));

            CreditJobRecord job = evaluations.runNow("API", "policy-admin");

            assertThat(job.state()).isEqualTo("SUCCEEDED");
            assertThat(job.processed()).isEqualTo(ENTERPRISES);
            List<String> owners = jdbc.queryForList(
                    "SELECT DISTINCT owner FROM job_partitions WHERE run_id = ? AND kind = 'CREDIT_EVALUATION'",
                    String.class,
                    job.id());
            assertThat(owners).as("both instances took cities").hasSize(2);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM job_partitions WHERE run_id = ? AND kind = 'CREDIT_EVALUATION'"
                                    + " AND (state <> 'DONE' OR attempts <> 1)",
                            Integer.class,
                            job.id()))
                    .isZero();
            double after = decisions(registry) + decisions(second.getBean(MeterRegistry.class));
            assertThat(after - before).as("decided exactly once").isEqualTo(ENTERPRISES);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM credit_results WHERE rule_set_version = ?",
                            Integer.class,
                            engine.version().hash()))
                    .isEqualTo(ENTERPRISES);
            int cities = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM job_partitions WHERE run_id = ? AND kind = 'CREDIT_EVALUATION'",
                    Integer.class,
                    job.id());
            assertThat(output.getOut())
                    .contains("Credit job " + job.id() + " evaluated " + ENTERPRISES + " enterprises in " + cities
                            + " partitions (")
                    .doesNotContain("Credit job " + job.id() + " evaluated " + ENTERPRISES + " enterprises (");
        } finally {
            province.clear();
        }
    }

    private static double decisions(MeterRegistry registry) {
        return registry.find("safereg.decisions").tag("kind", "credit").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}

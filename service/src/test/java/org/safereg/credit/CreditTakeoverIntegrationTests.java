package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.engine.RuleEngine;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An instance dies in the middle of a credit run (kill -9: its job row stays RUNNING, its heartbeat stops):
 * the next start request, or any instance's sweep, takes the work over, and credit ends on the version in
 * force.
 */
@IntegrationTest
class CreditTakeoverIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CreditEvaluations evaluations;

    @Autowired
    RuleEngine engine;

    private String code;

    @BeforeEach
    void anEnterprise() {
        Province province = Province.reset(jdbc, redis);
        jdbc.update("DELETE FROM credit_jobs");
        code = province.enterprise("接管化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(LocalDate.now().getYear(), 20, 20)
                .drill(LocalDate.now().minusMonths(1), true)
                .code();
    }

    @Test
    void aStartRequestTakesOverTheJobOfAnInstanceThatDied() throws InterruptedException {
        long dead = deadJob(engine.version().hash());

        CreditJobRecord job = evaluations.start("API", "policy-admin");

        assertThat(job.id()).isNotEqualTo(dead);
        assertThat(finished(job.id())).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT state FROM credit_jobs WHERE id = ?", String.class, dead))
                .isEqualTo("ABANDONED");
        assertThat(versionOfCredit()).isEqualTo(engine.version().hash());
        assertThat(evaluations.takeOver())
                .as("done on the version in force: nothing more to do")
                .isEmpty();
    }

    @Test
    void theSweepFinishesWhatADeadInstanceLeftOnTheVersionInForce() throws InterruptedException {
        jdbc.update(
                "INSERT INTO credit_jobs (trigger_source, state, total, processed, rule_set_version, started_at,"
                        + " finished_at) VALUES ('SCHEDULE', 'SUCCEEDED', 1, 1, ?, ?, ?)",
                "0".repeat(64),
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
        long dead = deadJob(engine.version().hash());

        var taken = evaluations.takeOver();

        assertThat(taken).isPresent();
        assertThat(finished(taken.get().id())).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT state FROM credit_jobs WHERE id = ?", String.class, dead))
                .isEqualTo("ABANDONED");
        assertThat(versionOfCredit()).isEqualTo(engine.version().hash());
    }

    private long deadJob(String version) {
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        jdbc.update(
                "INSERT INTO credit_jobs (trigger_source, state, rule_set_version, started_at, heartbeat_at, owner)"
                        + " VALUES ('RULE_SET', 'RUNNING', ?, ?, ?, 'a-dead-host:4242:deadbeef')",
                version,
                longAgo,
                longAgo);
        return jdbc.queryForObject("SELECT MAX(id) FROM credit_jobs", Long.class);
    }

    private String finished(long id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String state = jdbc.queryForObject("SELECT state FROM credit_jobs WHERE id = ?", String.class, id);
            if (!"RUNNING".equals(state)) {
                return state;
            }
            Thread.sleep(100);
        }
        return "RUNNING";
    }

    private String versionOfCredit() {
        return jdbc.queryForObject(
                "SELECT r.rule_set_version FROM credit_results r JOIN enterprises e ON e.id = r.enterprise_id"
                        + " WHERE e.credit_code = ?",
                String.class,
                code);
    }
}

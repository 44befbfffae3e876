package org.safereg.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safereg.engine.RuleEngine;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The instance recomputing every risk level after an activation dies: the run is noticed as abandoned by
 * the sweep of any instance, done again, and the levels end on the version in force.
 */
@IntegrationTest
class RiskTakeoverIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RiskRecompute recompute;

    @Autowired
    RuleEngine engine;

    @Test
    void theSweepRedoesARunWhoseInstanceDiedAndEndsOnTheVersionInForce() {
        Province province = Province.reset(jdbc, redis);
        jdbc.update("DELETE FROM risk_runs");
        String code = province.enterprise("接管机械有限公司", "OTHER", "VALID").code();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        jdbc.update(
                "INSERT INTO risk_runs (cause, state, rule_set_version, owner, started_at, heartbeat_at)"
                        + " VALUES ('RULE_SET', 'RUNNING', ?, 'a-dead-host:4242:deadbeef', ?, ?)",
                engine.version().hash(),
                longAgo,
                longAgo);

        assertThat(recompute.takeOver()).isTrue();
        assertThat(recompute.awaitIdle(Duration.ofSeconds(60))).isTrue();

        assertThat(jdbc.queryForList("SELECT state FROM risk_runs ORDER BY id", String.class))
                .containsExactly("ABANDONED", "SUCCEEDED");
        assertThat(jdbc.queryForObject(
                        "SELECT r.rule_set_version FROM risk_results r JOIN enterprises e ON e.id = r.enterprise_id"
                                + " WHERE e.credit_code = ?",
                        String.class,
                        code))
                .isEqualTo(engine.version().hash());
        assertThat(recompute.takeOver()).as("done on the version in force").isFalse();
    }
}

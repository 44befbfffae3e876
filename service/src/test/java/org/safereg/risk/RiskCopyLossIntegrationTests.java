package org.safereg.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Redis loses the risk copy without any write failing: the loss is noticed, answers come from MySQL, and
 * the next full recompute refills the copy even though no level changed.
 */
@IntegrationTest
class RiskCopyLossIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RiskRecompute recompute;

    @Autowired
    RiskQueries queries;

    @Autowired
    @Qualifier("riskReadModel")
    HealthIndicator health;

    @Test
    void aCopyThatRedisLostIsNoticedServedFromMysqlAndRefilled() {
        Province province = Province.reset(jdbc, redis);
        String code = province.enterprise("健忘机械有限公司", "OTHER", "VALID").code();
        recompute.recomputeAll("TEST");
        RiskView before = queries.risk(code);
        assertThat(before.servedFrom()).isEqualTo("redis");

        redis.execute((RedisConnection connection) -> {
            connection.serverCommands().flushDb();
            return null;
        });

        assertThat(queries.risk(code).servedFrom()).isEqualTo("mysql");
        assertThat(health.health().getDetails()).containsEntry("stale", true);

        recompute.recomputeAll("TEST");

        assertThat(health.health().getDetails()).containsEntry("stale", false);
        RiskView after = queries.risk(code);
        assertThat(after.servedFrom()).isEqualTo("redis");
        assertThat(after.level()).isEqualTo(before.level());
    }
}

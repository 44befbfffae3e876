package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * Redis loses the credit copy without any write failing (a restart without persistence): every instance
 * notices, health says so, answers come from MySQL, and the next run refills the copy.
 */
@IntegrationTest
class CreditCopyLossIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CreditEvaluations evaluations;

    @Autowired
    CreditQueries queries;

    @Autowired
    @Qualifier("creditReadModel")
    HealthIndicator health;

    @Test
    void aCopyThatRedisLostIsNoticedServedFromMysqlAndRefilled() {
        Province province = Province.reset(jdbc, redis);
        String code = province.enterprise("健忘化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(LocalDate.now().getYear(), 20, 20)
                .drill(LocalDate.now().minusMonths(1), true)
                .code();
        evaluations.runNow("TEST", "test");
        assertThat(queries.credit(code).servedFrom()).isEqualTo("redis");

        redis.execute((RedisConnection connection) -> {
            connection.serverCommands().flushDb();
            return null;
        });

        assertThat(queries.credit(code).servedFrom()).isEqualTo("mysql");
        assertThat(health.health().getDetails()).containsEntry("stale", true);

        evaluations.runNow("TEST", "test");

        assertThat(health.health().getDetails()).containsEntry("stale", false);
        assertThat(queries.credit(code).servedFrom()).isEqualTo("redis");
        assertThat(queries.credit(code).tier()).isEqualTo("A");
        assertThat(redis.opsForHash().get("safereg:credit:" + code, "tier")).isEqualTo("A");
    }
}

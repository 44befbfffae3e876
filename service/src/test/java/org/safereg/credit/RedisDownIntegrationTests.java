package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service with Redis configured but unreachable (nothing listens on the port): the evaluation still
 * lands in MySQL, the read model is marked stale, and answers come from MySQL.
 */
@IntegrationTest
@org.springframework.boot.test.context.SpringBootTest(
        properties = {
            "spring.data.redis.host=127.0.0.1",
            "spring.data.redis.port=6390",
            "spring.data.redis.timeout=300ms",
            "spring.data.redis.connect-timeout=300ms"
        })
class RedisDownIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CreditEvaluations evaluations;

    @Autowired
    CreditQueries queries;

    @Test
    void creditIsEvaluatedAndServedFromMysqlWhileRedisIsDown() {
        Province province = Province.reset(jdbc, null);
        String code = province.enterprise("断线化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(LocalDate.now().getYear(), 20, 20)
                .drill(LocalDate.now().minusMonths(1), true)
                .code();

        CreditJobRecord job = evaluations.runNow("TEST", "test");

        assertThat(job.state()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT stale FROM read_models WHERE name = 'credit'", Boolean.class))
                .isTrue();
        CreditView credit = queries.credit(code);
        assertThat(credit.servedFrom()).isEqualTo("mysql");
        assertThat(credit.tier()).isEqualTo("A");
    }
}

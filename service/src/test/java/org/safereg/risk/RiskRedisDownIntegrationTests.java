package org.safereg.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service with Redis configured but unreachable: risk levels still land in MySQL, the risk read model
 * is marked stale, and answers come from MySQL.
 */
@IntegrationTest
@SpringBootTest(
        properties = {
            "spring.data.redis.host=127.0.0.1",
            "spring.data.redis.port=6390",
            "spring.data.redis.timeout=300ms",
            "spring.data.redis.connect-timeout=300ms"
        })
class RiskRedisDownIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RiskRecompute recompute;

    @Autowired
    RiskQueries queries;

    @Test
    void riskIsComputedAndServedFromMysqlWhileRedisIsDown() {
        Province province = Province.reset(jdbc, null);
        String code = province.enterprise("断线矿业有限公司", "COAL_MINE", "VALID").code();

        RiskAssessments.Run run = recompute.recomputeAll("TEST");

        assertThat(run.rewritten()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT stale FROM read_models WHERE name = 'risk'", Boolean.class))
                .isTrue();
        RiskView risk = queries.risk(code);
        assertThat(risk.servedFrom()).isEqualTo("mysql");
        assertThat(risk.level()).isEqualTo("YELLOW");
        assertThat(risk.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.detail()).isEqualTo("sector COAL_MINE, major hazard source none");
            assertThat(reason.rule().table()).isEqualTo("Inherent risk");
        });
    }
}

package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.safereg.support.LocalRedisCluster;
import org.safereg.support.Province;
import org.safereg.support.RealStores;
import org.safereg.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Credit's read model on a Redis Cluster of three masters: decisions are written and served from the cluster;
 * one node restarted empty loses its third of the copy, which every instance notices (the epoch is kept in
 * every slot range), answers come from MySQL meanwhile, and the rebuild puts every enterprise back.
 */
@EnabledIf("org.safereg.support.LocalRedisCluster#available")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {RealStores.class, LocalRedisCluster.Initializer.class})
class CreditOnRedisClusterIntegrationTests {

    private static final int ENTERPRISES = 30;

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
    void aNodeThatLosesItsDataIsNoticedServedFromMysqlAndRebuilt() {
        LocalRedisCluster cluster = LocalRedisCluster.shared();
        assertThat(RedisKeys.cluster(redis)).isTrue();
        Province province = Province.reset(jdbc, redis);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < ENTERPRISES; i++) {
            codes.add(province.enterprise("集群化工" + i + "有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                    .training(LocalDate.now().getYear(), 20, 20)
                    .drill(LocalDate.now().minusMonths(1), true)
                    .code());
        }
        evaluations.runNow("TEST", "test");
        assertThat(codes).allSatisfy(code -> assertThat(queries.credit(code).servedFrom())
                .isEqualTo("redis"));
        assertThat(health.health().getDetails()).containsEntry("stale", false);
        // the enterprises' hashes are spread over the three masters
        assertThat(codes.stream()
                        .map(code -> cluster.nodeOf("safereg:credit:" + code))
                        .distinct())
                .hasSize(3);

        String lost = codes.stream()
                .filter(code -> cluster.nodeOf("safereg:credit:" + code) == 1)
                .findFirst()
                .orElseThrow();
        String kept = codes.stream()
                .filter(code -> cluster.nodeOf("safereg:credit:" + code) != 1)
                .findFirst()
                .orElseThrow();
        cluster.restartEmpty(1);

        assertThat(redis.hasKey("safereg:credit:" + lost)).isFalse();
        assertThat(redis.hasKey("safereg:credit:" + kept)).isTrue();
        assertThat(queries.credit(kept).servedFrom())
                .as("the copy lost a part: none of it is trusted until it is rebuilt")
                .isEqualTo("mysql");
        assertThat(queries.credit(lost).servedFrom()).isEqualTo("mysql");
        assertThat(health.health().getDetails()).containsEntry("stale", true);

        evaluations.runNow("TEST", "test");

        assertThat(health.health().getDetails()).containsEntry("stale", false);
        assertThat(codes).allSatisfy(code -> {
            assertThat(queries.credit(code).servedFrom()).isEqualTo("redis");
            assertThat(redis.opsForHash().get("safereg:credit:" + code, "tier")).isEqualTo("A");
        });
    }
}

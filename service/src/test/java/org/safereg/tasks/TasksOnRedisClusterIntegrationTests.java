package org.safereg.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleRef;
import org.safereg.support.LocalRedisCluster;
import org.safereg.support.Province;
import org.safereg.support.RealStores;
import org.safereg.system.RedisKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task stream on a Redis Cluster of three masters: entries and the dispatch group are on the stream's node,
 * and so is its epoch (it carries the stream's name as hash tag), so when that node restarts empty the lost
 * stream is noticed and every task is delivered again, once.
 */
@EnabledIf("org.safereg.support.LocalRedisCluster#available")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {RealStores.class, LocalRedisCluster.Initializer.class})
class TasksOnRedisClusterIntegrationTests {

    private static final String STREAM = TasksIntegrationTests.STREAM;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RuleEngine engine;

    @Autowired
    EnforcementTasks tasks;

    @Autowired
    TaskRelay relay;

    @Autowired
    TransactionTemplate transactions;

    private Province.Enterprise plant;
    private LocalDate today;

    @BeforeEach
    void aPlant() {
        Province province = Province.reset(jdbc, redis);
        today = LocalDate.now();
        plant = province.enterprise("集群任务化工有限公司", "HAZARDOUS_CHEMICALS", "VALID");
    }

    @Test
    void aStreamLostWithItsNodeGetsEveryTaskAgainOnce() {
        LocalRedisCluster cluster = LocalRedisCluster.shared();
        String epoch = "safereg:epoch:{" + STREAM + "}";
        assertThat(RedisKeys.slot(epoch)).isEqualTo(RedisKeys.slot(STREAM));
        long first = open("hazard:31");
        long second = open("hazard:32");
        settle();
        assertThat(taskIds()).containsExactly(first, second);
        assertThat(redis.opsForStream().groups(STREAM))
                .extracting(g -> g.groupName())
                .contains("dispatch");
        assertThat(redis.hasKey(epoch)).isTrue();

        cluster.restartEmpty(cluster.nodeOf(STREAM));
        assertThat(redis.hasKey(STREAM)).isFalse();
        relay.relayAll();
        relay.relayAll();

        assertThat(taskIds()).as("delivered again, in order, once").containsExactly(first, second);
        assertThat(redis.opsForStream().groups(STREAM))
                .extracting(g -> g.groupName())
                .contains("dispatch");
    }

    private long open(String trigger) {
        Optional<Long> id = transactions.execute(status -> tasks.open(new NewTask(
                "ENFORCEMENT_INSPECTION",
                new NewTask.Subject(plant.id(), null),
                new NewTask.Cause("MAJOR_HAZARD_OVERDUE", trigger),
                new NewTask.Terms(1, today, today.plusDays(10), "WSL-102", true),
                NewTask.Decision.byRule(engine.active().version().hash(), rule()))));
        return id.orElseThrow();
    }

    private FiredRule rule() {
        RuleRef rule = engine.active().rules().stream()
                .filter(r -> r.origin() != null
                        && "Escalation policy".equals(r.origin().sheet()))
                .findFirst()
                .orElseThrow();
        return new FiredRule(rule.name(), rule.origin(), rule.ordinal());
    }

    private void settle() {
        while (relay.busy()) {
            Thread.onSpinWait();
        }
        relay.relayAll();
    }

    private List<Long> taskIds() {
        if (!Boolean.TRUE.equals(redis.hasKey(STREAM))) {
            return List.of();
        }
        List<MapRecord<String, Object, Object>> entries = redis.opsForStream().read(StreamOffset.fromStart(STREAM));
        return entries.stream()
                .map(e -> Long.parseLong((String) e.getValue().get("taskId")))
                .toList();
    }
}

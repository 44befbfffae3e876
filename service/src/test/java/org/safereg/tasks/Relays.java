package org.safereg.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Relays that fail the way production ones do: Redis gone, or the process dying in the middle of a batch. */
final class Relays {

    private Relays() {}

    /** A relay whose Redis is a closed port: every append fails to connect. */
    static TaskRelay toClosedPort(TaskMapper mapper, TransactionTemplate transactions, ObjectMapper json) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofMillis(500))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        StringRedisTemplate dead = new StringRedisTemplate(factory);
        return new TaskRelay(
                mapper,
                new RedisTaskStream(dead, TasksIntegrationTests.STREAM, "dispatch"),
                transactions,
                json,
                Clock.systemUTC(),
                500);
    }

    /** A relay that appends {@code appended} entries to the real stream and then dies before it commits. */
    static TaskRelay dyingAfter(
            int appended,
            StringRedisTemplate redis,
            TaskMapper mapper,
            TransactionTemplate transactions,
            ObjectMapper json) {
        RedisTaskStream real = new RedisTaskStream(redis, TasksIntegrationTests.STREAM, "dispatch");
        TaskStream dying = new TaskStream() {
            @Override
            public List<String> append(List<Map<String, String>> entries) {
                real.append(entries.subList(0, Math.min(appended, entries.size())));
                throw new IllegalStateException("relay process killed");
            }

            @Override
            public void ensureGroup() {}

            @Override
            public String describe() {
                return "a stream whose relay dies";
            }
        };
        return new TaskRelay(mapper, dying, transactions, json, Clock.systemUTC(), 500);
    }
}

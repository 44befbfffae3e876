package org.safereg.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.system.RedisConfigured;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes read models: in Redis when it is configured, otherwise in this process (the embedded default). */
@Component
public class ReadModels {

    private final StringRedisTemplate redis;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry registry;

    ReadModels(
            Environment environment,
            ObjectProvider<StringRedisTemplate> redis,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry registry) {
        this.redis = RedisConfigured.in(environment) ? redis.getObject() : null;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * @param name the read model's row in {@code read_models}, and in Redis the prefix of its keys
     *     ({@code safereg:<name>:<credit code>}) and the name of its epoch ({@code safereg:epoch:<name>})
     * @param stored streams every decision MySQL holds, to rebuild the copy
     * @param staleCheck how often this instance re-reads whether the copy is behind MySQL
     */
    public <T extends CurrentDecision<T>> ReadModel<T> create(
            String name, DecisionCodec<T> codec, Supplier<Cursor<T>> stored, Duration staleCheck) {
        DecisionStore<T> store =
                redis == null ? new InProcessDecisionStore<>() : new RedisDecisionStore<>(name, codec, redis);
        return create(name, store, stored, staleCheck);
    }

    <T extends CurrentDecision<T>> ReadModel<T> create(
            String name, DecisionStore<T> store, Supplier<Cursor<T>> stored, Duration staleCheck) {
        StaleMark staleMark = new StaleMark(name, jdbc, clock, staleCheck, store.epoch());
        return new ReadModel<>(name, store, staleMark, stored, transactions, registry);
    }
}

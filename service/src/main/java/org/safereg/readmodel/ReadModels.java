package org.safereg.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.system.RedisAnswersAgain;
import org.safereg.system.RedisConfigured;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
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
    private final List<ReadModel<?>> made = new CopyOnWriteArrayList<>();
    private final ExecutorService repairs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-repair");
        thread.setDaemon(true);
        return thread;
    });

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
        ReadModel<T> readModel = new ReadModel<>(name, store, staleMark, stored, transactions, registry);
        made.add(readModel);
        return readModel;
    }

    /**
     * Redis is back and may have come back empty: each copy is checked at once (on the thread that noticed, so
     * that a lost copy is marked stale before readiness says Redis is back), and a lost one is rebuilt from MySQL
     * in the background, without waiting for the next read or the next scheduled repair.
     */
    @EventListener
    void redisAnswersAgain(RedisAnswersAgain event) {
        for (ReadModel<?> readModel : made) {
            if (readModel.checkCopy()) {
                repairs.execute(readModel::rebuild);
            }
        }
    }

    @PreDestroy
    void stopRepairs() {
        repairs.shutdownNow();
    }
}

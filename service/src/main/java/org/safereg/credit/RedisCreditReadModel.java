package org.safereg.credit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safereg.system.CopyEpoch;
import org.safereg.system.ReadModelUnavailableException;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Each enterprise's current credit as a Redis hash {@code safereg:credit:<credit code>} with the fields
 * {@code tier}, {@code score}, {@code version} and {@code evaluatedAt} for other systems, and the
 * explanation fields the API serves.
 */
final class RedisCreditReadModel implements CreditReadModel {

    static final String KEY_PREFIX = "safereg:credit:";

    /** Only a complete entry is touched: an evicted one must stay absent, not become a husk. */
    private static final byte[] TOUCH = bytes("if redis.call('HEXISTS', KEYS[1], 'firedRules') == 1 then "
            + "return redis.call('HSET', KEYS[1], 'evaluatedAt', ARGV[1]) end return -1");

    private final StringRedisTemplate redis;
    private final CopyEpoch epoch;

    RedisCreditReadModel(StringRedisTemplate redis) {
        this.redis = redis;
        this.epoch = CopyEpoch.redis(redis, "credit");
    }

    @Override
    public void putAll(List<CreditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (CreditRecord record : records) {
                    write(connection, record);
                }
                return null;
            });
        } catch (DataAccessException | IllegalStateException e) {
            throw new ReadModelUnavailableException("Redis did not take the credit results", e);
        }
    }

    @Override
    public void touchAll(List<String> creditCodes, Instant evaluatedAt) {
        if (creditCodes.isEmpty()) {
            return;
        }
        byte[] at = bytes(evaluatedAt.toString());
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (String code : creditCodes) {
                    connection.scriptingCommands().eval(TOUCH, ReturnType.INTEGER, 1, bytes(KEY_PREFIX + code), at);
                }
                return null;
            });
        } catch (DataAccessException | IllegalStateException e) {
            throw new ReadModelUnavailableException("Redis did not take the evaluation times", e);
        }
    }

    private static void write(RedisConnection connection, CreditRecord record) {
        Map<byte[], byte[]> hash = new HashMap<>();
        put(hash, "enterpriseId", String.valueOf(record.enterpriseId()));
        put(hash, "tier", record.tier());
        put(hash, "score", record.score().toPlainString());
        put(hash, "scoreTier", record.scoreTier());
        put(hash, "version", record.ruleSetVersion());
        put(hash, "evaluatedAt", record.evaluatedAt().toString());
        put(hash, "measures", record.measures());
        put(hash, "indicators", record.indicators());
        put(hash, "vetoes", record.vetoes());
        put(hash, "firedRules", record.firedRules());
        put(hash, "contentHash", Long.toString(record.contentHash()));
        connection.hashCommands().hMSet(bytes(KEY_PREFIX + record.creditCode()), hash);
    }

    @Override
    public Optional<CreditRecord> get(String creditCode) {
        Map<Object, Object> hash;
        try {
            hash = redis.opsForHash().entries(KEY_PREFIX + creditCode);
        } catch (DataAccessException | IllegalStateException e) {
            throw new ReadModelUnavailableException("Redis did not answer", e);
        }
        if (hash.isEmpty() || !hash.containsKey("firedRules")) {
            return Optional.empty();
        }
        return Optional.of(new CreditRecord(
                Long.parseLong((String) hash.get("enterpriseId")),
                creditCode,
                new BigDecimal((String) hash.get("score")),
                (String) hash.get("tier"),
                (String) hash.get("scoreTier"),
                (String) hash.get("measures"),
                (String) hash.get("indicators"),
                (String) hash.get("vetoes"),
                (String) hash.get("firedRules"),
                (String) hash.get("version"),
                Instant.parse((String) hash.get("evaluatedAt")),
                Long.parseLong((String) hash.getOrDefault("contentHash", "0"))));
    }

    @Override
    public CopyEpoch epoch() {
        return epoch;
    }

    @Override
    public String kind() {
        return "redis";
    }

    private static void put(Map<byte[], byte[]> hash, String field, String value) {
        hash.put(bytes(field), bytes(value));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

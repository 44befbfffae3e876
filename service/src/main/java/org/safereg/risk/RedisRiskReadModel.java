package org.safereg.risk;

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
 * Each enterprise's current risk as a Redis hash {@code safereg:risk:<credit code>} with the fields
 * {@code level}, {@code version} and {@code evaluatedAt} for other systems, and the explanation fields the
 * API serves.
 */
final class RedisRiskReadModel implements RiskReadModel {

    static final String KEY_PREFIX = "safereg:risk:";

    /** Only a complete entry is touched: an evicted one must stay absent, not become a husk. */
    private static final byte[] TOUCH = bytes("if redis.call('HEXISTS', KEYS[1], 'firedRules') == 1 then "
            + "return redis.call('HSET', KEYS[1], 'evaluatedAt', ARGV[1]) end return -1");

    private final StringRedisTemplate redis;
    private final CopyEpoch epoch;

    RedisRiskReadModel(StringRedisTemplate redis) {
        this.redis = redis;
        this.epoch = CopyEpoch.redis(redis, "risk");
    }

    @Override
    public void putAll(List<RiskRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                records.forEach(record -> write(connection, record));
                return null;
            });
        } catch (DataAccessException | IllegalStateException e) {
            throw new ReadModelUnavailableException("Redis did not take the risk results", e);
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

    private static void write(RedisConnection connection, RiskRecord record) {
        Map<byte[], byte[]> hash = new HashMap<>();
        hash.put(bytes("enterpriseId"), bytes(String.valueOf(record.enterpriseId())));
        hash.put(bytes("level"), bytes(record.level()));
        hash.put(bytes("version"), bytes(record.ruleSetVersion()));
        hash.put(bytes("evaluatedAt"), bytes(record.evaluatedAt().toString()));
        hash.put(bytes("reasons"), bytes(record.reasons()));
        hash.put(bytes("inputs"), bytes(record.inputs()));
        hash.put(bytes("firedRules"), bytes(record.firedRules()));
        hash.put(bytes("contentHash"), bytes(Long.toString(record.contentHash())));
        connection.hashCommands().hMSet(bytes(KEY_PREFIX + record.creditCode()), hash);
    }

    @Override
    public Optional<RiskRecord> get(String creditCode) {
        Map<Object, Object> hash;
        try {
            hash = redis.opsForHash().entries(KEY_PREFIX + creditCode);
        } catch (DataAccessException | IllegalStateException e) {
            throw new ReadModelUnavailableException("Redis did not answer", e);
        }
        if (hash.isEmpty() || !hash.containsKey("firedRules")) {
            return Optional.empty();
        }
        return Optional.of(new RiskRecord(
                Long.parseLong((String) hash.get("enterpriseId")),
                creditCode,
                (String) hash.get("level"),
                (String) hash.get("reasons"),
                (String) hash.get("inputs"),
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

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

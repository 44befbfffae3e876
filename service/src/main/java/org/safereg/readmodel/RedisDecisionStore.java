package org.safereg.readmodel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Each enterprise's current decision as a Redis hash {@code safereg:<read model>:<credit code>}, with fields
 * that other systems read and the explanation the API serves; the copy's epoch is
 * {@code safereg:epoch:<read model>}.
 */
final class RedisDecisionStore<T extends CurrentDecision<T>> implements DecisionStore<T> {

    /** Only a complete entry is touched: an evicted one must stay absent, not become a husk. */
    private static final byte[] TOUCH = bytes("if redis.call('HEXISTS', KEYS[1], 'firedRules') == 1 then "
            + "return redis.call('HSET', KEYS[1], 'evaluatedAt', ARGV[1]) end return -1");

    private final String name;
    private final String keyPrefix;
    private final DecisionCodec<T> codec;
    private final StringRedisTemplate redis;
    private final CopyEpoch epoch;

    RedisDecisionStore(String name, DecisionCodec<T> codec, StringRedisTemplate redis) {
        this.name = name;
        this.keyPrefix = "safereg:" + name + ":";
        this.codec = codec;
        this.redis = redis;
        this.epoch = CopyEpoch.redis(redis, name);
    }

    @Override
    public void putAll(List<T> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (T decision : decisions) {
                    connection.hashCommands().hMSet(bytes(keyPrefix + decision.creditCode()), hash(decision));
                }
                return null;
            });
        } catch (DataAccessException | IllegalStateException e) {
            throw new ReadModelUnavailableException("Redis did not take the " + name + " results", e);
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
                for (String creditCode : creditCodes) {
                    connection
                            .scriptingCommands()
                            .eval(TOUCH, ReturnType.INTEGER, 1, bytes(keyPrefix + creditCode), at);
                }
                return null;
            });
        } catch (DataAccessException | IllegalStateException e) {
            throw new ReadModelUnavailableException("Redis did not take the evaluation times", e);
        }
    }

    @Override
    public Optional<T> get(String creditCode) {
        Map<String, String> hash;
        try {
            hash = redis.<String, String>opsForHash().entries(keyPrefix + creditCode);
        } catch (DataAccessException | IllegalStateException e) {
            throw new ReadModelUnavailableException("Redis did not answer", e);
        }
        if (hash.isEmpty() || !hash.containsKey("firedRules")) {
            return Optional.empty();
        }
        DecisionStamp stamp = new DecisionStamp(
                Long.parseLong(hash.get("enterpriseId")),
                creditCode,
                hash.get("version"),
                hash.get("firedRules"),
                Instant.parse(hash.get("evaluatedAt")),
                Long.parseLong(hash.getOrDefault("contentHash", "0")));
        return Optional.of(codec.decision(stamp, hash));
    }

    private static final byte[] ENTERPRISE_ID = bytes("enterpriseId");
    private static final byte[] VERSION = bytes("version");
    private static final byte[] EVALUATED_AT = bytes("evaluatedAt");
    private static final byte[] FIRED_RULES = bytes("firedRules");
    private static final byte[] CONTENT_HASH = bytes("contentHash");

    /** The hash's fields straight as bytes: a page of thousands of decisions makes no intermediate maps. */
    private Map<byte[], byte[]> hash(T decision) {
        Map<String, String> fields = codec.fields(decision);
        Map<byte[], byte[]> hash = new HashMap<>(2 * (fields.size() + 5));
        fields.forEach((field, value) -> hash.put(bytes(field), bytes(value)));
        hash.put(ENTERPRISE_ID, bytes(String.valueOf(decision.enterpriseId())));
        hash.put(VERSION, bytes(decision.ruleSetVersion()));
        hash.put(EVALUATED_AT, bytes(decision.evaluatedAt().toString()));
        hash.put(FIRED_RULES, bytes(decision.firedRules()));
        hash.put(CONTENT_HASH, bytes(Long.toString(decision.contentHash())));
        return hash;
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

package org.safereg.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.system.RedisKeys;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DigestUtils;

/**
 * Each point's state as a Redis hash {@code safereg:monitoring:point:<id>} with the fields {@code v}
 * (version) and {@code s} (state as JSON), written by a Lua compare-and-set so that the check and the
 * write are one step for Redis whatever other instances do. Reads and writes of a batch are pipelined.
 */
final class RedisPointStates implements PointStates {

    static final String PREFIX = "safereg:monitoring:point:";
    static final String UNIT_PREFIX = "safereg:monitoring:unit:";
    static final String DEFERRED = "safereg:monitoring:deferred-transitions";
    /** Written with the copy; its absence means Redis lost the copy (see {@link DurablePointStates}). */
    static final String EPOCH = "safereg:monitoring:epoch";

    private static final String COMPARE_AND_SET =
            """
            local v = redis.call('HGET', KEYS[1], 'v')
            if (v or '0') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
            return 1
            """;
    private static final String SHA = DigestUtils.sha1DigestAsHex(COMPARE_AND_SET);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    /** {@link #EPOCH}; on a Redis Cluster one in every slot range, since the unit marks are on every node. */
    private final List<String> epochs;

    RedisPointStates(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
        this.epochs = RedisKeys.everywhere(EPOCH, RedisKeys.cluster(redis));
    }

    @Override
    public Map<Long, Versioned> read(Collection<Long> pointIds) {
        List<Long> ids = new ArrayList<>(pointIds);
        List<Object> answers = redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            for (long id : ids) {
                strings.hMGet(PREFIX + id, "v", "s");
            }
            return null;
        });
        Map<Long, Versioned> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            @SuppressWarnings("unchecked")
            List<String> fields = (List<String>) answers.get(i);
            long id = ids.get(i);
            if (fields == null || fields.get(0) == null) {
                found.put(id, new Versioned(id, 0, PointState.initial()));
            } else {
                found.put(id, new Versioned(id, Long.parseLong(fields.get(0)), parse(fields.get(1))));
            }
        }
        return found;
    }

    @Override
    public Set<Long> commit(List<Versioned> updates) {
        if (updates.isEmpty()) {
            return Set.of();
        }
        List<String> bodies = updates.stream().map(u -> write(u.state())).toList();
        List<Object> answers;
        try {
            answers = run(updates, bodies);
        } catch (DataAccessException e) {
            // most likely NOSCRIPT: this Redis has not seen the script since it started
            redis.execute((RedisCallback<Object>)
                    c -> c.scriptingCommands().scriptLoad(COMPARE_AND_SET.getBytes(StandardCharsets.UTF_8)));
            answers = run(updates, bodies);
        }
        Set<Long> lost = new HashSet<>();
        for (int i = 0; i < updates.size(); i++) {
            if (!Long.valueOf(1).equals(answers.get(i))) {
                lost.add(updates.get(i).pointId());
            }
        }
        return lost;
    }

    private List<Object> run(List<Versioned> updates, List<String> bodies) {
        return redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            for (int i = 0; i < updates.size(); i++) {
                Versioned u = updates.get(i);
                strings.evalSha(
                        SHA,
                        ReturnType.INTEGER,
                        1,
                        PREFIX + u.pointId(),
                        String.valueOf(u.version()),
                        String.valueOf(u.version() + 1),
                        bodies.get(i));
            }
            return null;
        });
    }

    @Override
    public Map<String, Map<Long, Integer>> unitsInAlarm(Collection<String> unitKeys) {
        List<String> keys = new ArrayList<>(unitKeys);
        List<Object> answers = redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            keys.forEach(k -> strings.hGetAll(UNIT_PREFIX + k));
            return null;
        });
        Map<String, Map<Long, Integer>> found = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Map<Long, Integer> points = new HashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, String> hash = (Map<String, String>) answers.get(i);
            if (hash != null) {
                hash.forEach((id, level) -> points.put(Long.parseLong(id), Integer.parseInt(level)));
            }
            found.put(keys.get(i), points);
        }
        return found;
    }

    @Override
    public void markUnit(String unitKey, long pointId, int level) {
        if (level >= 1) {
            redis.opsForHash().put(UNIT_PREFIX + unitKey, String.valueOf(pointId), String.valueOf(level));
        } else {
            redis.opsForHash().delete(UNIT_PREFIX + unitKey, String.valueOf(pointId));
        }
    }

    @Override
    public void defer(List<String> transitions) {
        redis.opsForList().rightPushAll(DEFERRED, transitions);
    }

    @Override
    public List<String> deferred(int max) {
        List<String> found = redis.opsForList().range(DEFERRED, 0, max - 1);
        return found == null ? List.of() : found;
    }

    @Override
    public void dropDeferred(int count) {
        redis.opsForList().trim(DEFERRED, count, -1);
    }

    @Override
    public long deferredCount() {
        Long size = redis.opsForList().size(DEFERRED);
        return size == null ? 0 : size;
    }

    @Override
    public boolean intact() {
        return RedisKeys.allExist(redis, epochs);
    }

    @Override
    public void restore(List<UnitInAlarm> marks) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            for (UnitInAlarm m : marks) {
                strings.hSet(
                        UNIT_PREFIX + PointStates.unitKey(m.enterpriseId(), m.processUnit()),
                        String.valueOf(m.pointId()),
                        String.valueOf(m.level()));
            }
            return null;
        });
        // after the marks: an epoch present says they are all there
        RedisKeys.setAll(redis, epochs, String.valueOf(System.currentTimeMillis()));
    }

    @Override
    public String kind() {
        return "redis";
    }

    private PointState parse(String body) {
        try {
            return json.readValue(body, PointState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable point state in Redis: " + body, e);
        }
    }

    private String write(PointState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

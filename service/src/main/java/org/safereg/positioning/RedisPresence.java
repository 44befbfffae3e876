package org.safereg.positioning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Each area's presence in Redis: hash {@code safereg:positioning:{area:<id>}:in} (card → entry time),
 * hash {@code ...:out} (card → last leave, to tell a repeated leave from a leave without entry),
 * {@code ...:stamp} and {@code ...:loaded}, the area's mark that its presence came from MySQL: a step on an
 * area without it changes nothing and says so, and the area is loaded again first. A step is one Lua script, so the check and the change are one step for Redis
 * whatever other instances do; a batch's steps are pipelined. The keys of an area share a hash tag
 * so that the script also runs on Redis Cluster.
 */
final class RedisPresence implements Presence {

    static final String PREFIX = "safereg:positioning:";

    // returns {status, count, oldest, stamp, since}; status 0 taken, 1 duplicate, 2 already inside,
    // 3 leave without enter, 4 out of order, 5 not loaded (the area's mark is gone with what it held)
    private static final String STEP =
            """
            if redis.call('EXISTS', KEYS[4]) == 0 then return {5, 0, -1, 0, 0} end
            local at = tonumber(ARGV[3])
            local since = redis.call('HGET', KEYS[1], ARGV[1])
            local mark = 0
            if ARGV[2] == 'E' then
              if since then
                if tonumber(since) == at then return {1, 0, -1, 0, tonumber(since)} end
                return {2, 0, -1, 0, tonumber(since)}
              end
              local left = redis.call('HGET', KEYS[2], ARGV[1])
              if left and tonumber(left) > at then return {4, 0, -1, 0, tonumber(left)} end
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            else
              if not since then
                local left = redis.call('HGET', KEYS[2], ARGV[1])
                if left and tonumber(left) == at then return {1, 0, -1, 0, at} end
                return {3, 0, -1, 0, 0}
              end
              if tonumber(since) > at then return {4, 0, -1, 0, tonumber(since)} end
              redis.call('HDEL', KEYS[1], ARGV[1])
              redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
              mark = tonumber(since)
            end
            local stamp = math.max(tonumber(ARGV[4]), tonumber(redis.call('GET', KEYS[3]) or '0') + 1)
            redis.call('SET', KEYS[3], string.format('%d', stamp))
            local oldest = -1
            for _, v in ipairs(redis.call('HVALS', KEYS[1])) do
              local n = tonumber(v)
              if oldest < 0 or n < oldest then oldest = n end
            end
            return {0, redis.call('HLEN', KEYS[1]), oldest, stamp, mark}
            """;

    // installs an area's presence from MySQL and its mark, unless another instance already did
    private static final String LOAD =
            """
            if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            for i = 1, #ARGV, 2 do
              redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
            end
            redis.call('SET', KEYS[2], '1')
            return 1
            """;

    private static final String STAMP =
            """
            local stamp = math.max(tonumber(ARGV[1]), tonumber(redis.call('GET', KEYS[1]) or '0') + 1)
            redis.call('SET', KEYS[1], string.format('%d', stamp))
            return stamp
            """;

    private final StringRedisTemplate redis;

    RedisPresence(StringRedisTemplate redis) {
        this.redis = redis;
    }

    static String key(long areaId, String part) {
        return PREFIX + "{area:" + areaId + "}:" + part;
    }

    @Override
    public List<Outcome> apply(List<Step> steps, long now) {
        if (steps.isEmpty()) {
            return List.of();
        }
        String sha = load(STEP);
        List<Object> answers = redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            for (Step s : steps) {
                strings.evalSha(
                        sha,
                        ReturnType.MULTI,
                        4,
                        key(s.areaId(), "in"),
                        key(s.areaId(), "out"),
                        key(s.areaId(), "stamp"),
                        key(s.areaId(), "loaded"),
                        s.card(),
                        s.enter() ? "E" : "L",
                        String.valueOf(s.at()),
                        String.valueOf(now));
            }
            return null;
        });
        List<Outcome> outcomes = new ArrayList<>(steps.size());
        for (Object answer : answers) {
            List<?> values = (List<?>) answer;
            outcomes.add(new Outcome(
                    Status.values()[(int) number(values.get(0))],
                    (int) number(values.get(1)),
                    number(values.get(2)),
                    number(values.get(3)),
                    number(values.get(4))));
        }
        return outcomes;
    }

    @Override
    public Map<String, Long> occupants(long areaId) {
        Map<String, Long> found = new HashMap<>();
        redis.<String, String>opsForHash()
                .entries(key(areaId, "in"))
                .forEach((card, at) -> found.put(card, Long.parseLong(at)));
        return found;
    }

    @Override
    public Map<Long, Long> stamps(Collection<Long> areaIds, long now) {
        List<Long> ids = new ArrayList<>(areaIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        String sha = load(STAMP);
        List<Object> answers = redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            for (long id : ids) {
                strings.evalSha(sha, ReturnType.INTEGER, 1, key(id, "stamp"), String.valueOf(now));
            }
            return null;
        });
        Map<Long, Long> stamps = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            stamps.put(ids.get(i), number(answers.get(i)));
        }
        return stamps;
    }

    @Override
    public Set<Long> unloaded(Collection<Long> areaIds) {
        List<Long> ids = new ArrayList<>(areaIds);
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Object> answers = redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            ids.forEach(id -> strings.exists(key(id, "loaded")));
            return null;
        });
        Set<Long> unloaded = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Object exists = answers.get(i);
            if (!(Boolean.TRUE.equals(exists) || (exists instanceof Number n && n.longValue() > 0))) {
                unloaded.add(ids.get(i));
            }
        }
        return unloaded;
    }

    @Override
    public void load(Collection<Long> areaIds, Map<Long, Map<String, Long>> presence) {
        if (areaIds.isEmpty()) {
            return;
        }
        String sha = load(LOAD);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection strings = (StringRedisConnection) connection;
            for (long id : areaIds) {
                List<String> args = new ArrayList<>();
                presence.getOrDefault(id, Map.of()).forEach((card, at) -> {
                    args.add(card);
                    args.add(String.valueOf(at));
                });
                List<String> keysAndArgs = new ArrayList<>(List.of(key(id, "in"), key(id, "loaded")));
                keysAndArgs.addAll(args);
                strings.evalSha(sha, ReturnType.INTEGER, 2, keysAndArgs.toArray(String[]::new));
            }
            return null;
        });
    }

    @Override
    public String kind() {
        return "redis";
    }

    private String load(String script) {
        return redis.execute(
                (RedisCallback<String>) c -> c.scriptingCommands().scriptLoad(script.getBytes(StandardCharsets.UTF_8)));
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof byte[] bytes) {
            return Long.parseLong(new String(bytes, StandardCharsets.UTF_8));
        }
        return Long.parseLong(String.valueOf(value));
    }
}

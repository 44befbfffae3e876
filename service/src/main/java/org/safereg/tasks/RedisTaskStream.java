package org.safereg.tasks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.system.RedisKeys;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** XADD to a Redis stream, pipelined per relay step; the consumer group starts at the stream's beginning. */
class RedisTaskStream implements TaskStream {

    private final StringRedisTemplate redis;
    private final String stream;
    private final String group;
    private final boolean cluster;

    RedisTaskStream(StringRedisTemplate redis, String stream, String group) {
        this.redis = redis;
        this.cluster = RedisKeys.cluster(redis);
        this.stream = stream;
        this.group = group;
    }

    @Override
    public List<String> append(List<Map<String, String>> entries) {
        // every time: a stream deleted by hand (or by a new Redis) comes back with the group the dispatch
        // system reads through, at the cost of one round trip per batch
        ensureGroup();
        byte[] key = stream.getBytes(StandardCharsets.UTF_8);
        List<Object> results = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Map<String, String> entry : entries) {
                connection.streamCommands().xAdd(MapRecord.create(key, bytes(entry)));
            }
            return null;
        });
        List<String> ids = new ArrayList<>(results.size());
        for (Object result : results) {
            ids.add(result instanceof RecordId id ? id.getValue() : String.valueOf(result));
        }
        return ids;
    }

    @Override
    public boolean claimLostStream() {
        // the epoch key lives and dies with the stream: written once, by whoever restores the stream
        return Boolean.TRUE.equals(
                redis.opsForValue().setIfAbsent(epoch(), String.valueOf(System.currentTimeMillis())));
    }

    @Override
    public void releaseClaim() {
        redis.delete(epoch());
    }

    /** In the stream's slot on a Redis Cluster (its hash tag), so that a node loses both or neither. */
    private String epoch() {
        return RedisKeys.beside("safereg:epoch:", stream, cluster);
    }

    @Override
    public void ensureGroup() {
        try {
            redis.opsForStream().createGroup(stream, ReadOffset.from("0"), group);
        } catch (RuntimeException e) {
            if (!String.valueOf(rootMessage(e)).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    @Override
    public String describe() {
        return "Redis stream " + stream;
    }

    private static Map<byte[], byte[]> bytes(Map<String, String> entry) {
        Map<byte[], byte[]> raw = new LinkedHashMap<>();
        entry.forEach((k, v) -> raw.put(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)));
        return raw;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        StringBuilder messages = new StringBuilder();
        while (cause != null) {
            messages.append(cause.getMessage()).append(' ');
            cause = cause.getCause();
        }
        return messages.toString();
    }
}

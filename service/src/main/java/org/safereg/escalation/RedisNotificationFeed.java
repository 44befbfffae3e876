package org.safereg.escalation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.system.RedisKeys;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * XADD to a Redis stream, so that a delivering gateway that was down reads on where it stopped. An epoch
 * key beside the stream tells that Redis lost it (see {@link #claimLostFeed}).
 */
class RedisNotificationFeed implements NotificationFeed {

    private final StringRedisTemplate redis;
    private final String name;
    private final byte[] stream;
    private final boolean cluster;

    RedisNotificationFeed(StringRedisTemplate redis, String stream) {
        this.redis = redis;
        this.cluster = RedisKeys.cluster(redis);
        this.name = stream;
        this.stream = stream.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean claimLostFeed() {
        // the epoch key lives and dies with the stream; a stream found without one (the first start of a
        // version that writes it) was not lost
        boolean claimed = Boolean.TRUE.equals(
                redis.opsForValue().setIfAbsent(epoch(), String.valueOf(System.currentTimeMillis())));
        return claimed && !Boolean.TRUE.equals(redis.hasKey(name));
    }

    @Override
    public void releaseClaim() {
        redis.delete(epoch());
    }

    /** In the stream's slot on a Redis Cluster (its hash tag), so that a node loses both or neither. */
    private String epoch() {
        return RedisKeys.beside("safereg:epoch:", name, cluster);
    }

    @Override
    public void publish(List<Map<String, String>> entries) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Map<String, String> entry : entries) {
                Map<byte[], byte[]> raw = new LinkedHashMap<>();
                entry.forEach(
                        (k, v) -> raw.put(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)));
                connection.streamCommands().xAdd(MapRecord.create(stream, raw));
            }
            return null;
        });
    }
}

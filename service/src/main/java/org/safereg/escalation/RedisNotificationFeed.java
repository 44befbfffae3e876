package org.safereg.escalation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** XADD to a Redis stream, so that a delivering gateway that was down reads on where it stopped. */
class RedisNotificationFeed implements NotificationFeed {

    private final StringRedisTemplate redis;
    private final byte[] stream;

    RedisNotificationFeed(StringRedisTemplate redis, String stream) {
        this.redis = redis;
        this.stream = stream.getBytes(StandardCharsets.UTF_8);
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

package org.safereg.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.ClusterSlotHashUtil;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Where keys live on a Redis Cluster ({@code spring.data.redis.cluster.nodes}), so that keys that must live and
 * die together do. A key is stored on the node that serves its slot, and a node can lose what it holds (a
 * restart without persistence) while the others keep theirs. Two kinds of marker keys follow from that:
 *
 * <ul>
 *   <li>a marker of one key (a stream's epoch) carries that key as its hash tag ({@link #beside}), so that
 *       both sit in the same slot and are lost together;
 *   <li>a marker of a copy spread over every slot (a read model's epoch, the process-unit marks) is written
 *       once in each of {@link #SLOT_RANGES} slot ranges ({@link #everywhere}): a node that loses its data
 *       loses at least one of them, so the loss is noticed whichever node it was.
 * </ul>
 *
 * On a single Redis server both give the one key SafeReg always used, so single-node key names never change.
 */
public final class RedisKeys {

    /** Each marker spread over the cluster is written in every range of 16384 / this many slots. */
    public static final int SLOT_RANGES = 128;

    private static final int SLOTS = 16384;
    private static final List<String> TAGS = tags();

    private RedisKeys() {}

    /** Whether this template talks to a Redis Cluster. */
    public static boolean cluster(StringRedisTemplate redis) {
        RedisConnectionFactory factory = redis.getConnectionFactory();
        return factory instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
    }

    /**
     * The key of a marker of {@code key}: {@code prefix + key} on a single server; on a cluster the same in the
     * slot of {@code key} (its hash tag, or the key itself as the tag when it has none).
     */
    public static String beside(String prefix, String key, boolean cluster) {
        if (!cluster || hasTag(key)) {
            return prefix + key;
        }
        return prefix + "{" + key + "}";
    }

    /** The keys of a marker spread over the cluster: {@code base} itself on a single server. */
    public static List<String> everywhere(String base, boolean cluster) {
        if (!cluster) {
            return List.of(base);
        }
        return TAGS.stream().map(tag -> base + ":{" + tag + "}").toList();
    }

    /** Whether every one of these keys exists (one round trip, routed node by node on a cluster). */
    public static boolean allExist(StringRedisTemplate redis, List<String> keys) {
        if (keys.size() == 1) {
            return Boolean.TRUE.equals(redis.hasKey(keys.get(0)));
        }
        List<Object> found = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (String key : keys) {
                connection.keyCommands().exists(key.getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        return found.stream().allMatch(Boolean.TRUE::equals);
    }

    /** Sets every one of these keys to {@code value}. */
    public static void setAll(StringRedisTemplate redis, List<String> keys, String value) {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (String key : keys) {
                connection.stringCommands().set(key.getBytes(StandardCharsets.UTF_8), raw);
            }
            return null;
        });
    }

    /** The slot Redis Cluster stores a key in. */
    public static int slot(String key) {
        return ClusterSlotHashUtil.calculateSlot(key);
    }

    private static boolean hasTag(String key) {
        int open = key.indexOf('{');
        if (open < 0) {
            return false;
        }
        int close = key.indexOf('}', open + 1);
        return close > open + 1;
    }

    /** For each slot range, the first short tag ("e0", "e1", ...) whose slot falls in it. */
    private static List<String> tags() {
        String[] found = new String[SLOT_RANGES];
        int missing = SLOT_RANGES;
        for (int n = 0; missing > 0; n++) {
            String tag = "e" + n;
            int range = ClusterSlotHashUtil.calculateSlot(tag) / (SLOTS / SLOT_RANGES);
            if (found[range] == null) {
                found[range] = tag;
                missing--;
            }
        }
        return new ArrayList<>(List.of(found));
    }
}

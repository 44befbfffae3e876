package org.safereg.readmodel;

import java.util.List;
import org.safereg.system.RedisKeys;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A key written beside a read model's copy when the copy is complete. Redis can lose everything at any
 * moment (a restart without persistence, a failover, an eviction) without any write failing; the epoch
 * is lost with it, and its absence tells every instance that the copy must be rebuilt from MySQL.
 */
interface CopyEpoch {

    /** A copy kept in this process is lost only with the process. */
    CopyEpoch IN_PROCESS = new CopyEpoch() {
        @Override
        public boolean present() {
            return true;
        }

        @Override
        public void write() {}
    };

    /** False once the store has lost the copy since it was last made complete. */
    boolean present();

    /** The copy was just made complete from MySQL. */
    void write();

    /**
     * {@code safereg:epoch:<read model>}; on a Redis Cluster, whose copy is spread over every node, one such key
     * in every slot range ({@link RedisKeys#everywhere}), so that a node losing its part of the copy is noticed.
     */
    static CopyEpoch redis(StringRedisTemplate redis, String readModel) {
        List<String> keys = RedisKeys.everywhere("safereg:epoch:" + readModel, RedisKeys.cluster(redis));
        return new CopyEpoch() {
            @Override
            public boolean present() {
                try {
                    return RedisKeys.allExist(redis, keys);
                } catch (DataAccessException | IllegalStateException e) {
                    // Redis not answering is not a lost copy: readers fall back to MySQL on their own
                    return true;
                }
            }

            @Override
            public void write() {
                RedisKeys.setAll(redis, keys, String.valueOf(System.currentTimeMillis()));
            }
        };
    }
}

package org.safereg.readmodel;

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

    static CopyEpoch redis(StringRedisTemplate redis, String readModel) {
        String key = "safereg:epoch:" + readModel;
        return new CopyEpoch() {
            @Override
            public boolean present() {
                try {
                    return Boolean.TRUE.equals(redis.hasKey(key));
                } catch (DataAccessException | IllegalStateException e) {
                    // Redis not answering is not a lost copy: readers fall back to MySQL on their own
                    return true;
                }
            }

            @Override
            public void write() {
                redis.opsForValue().set(key, String.valueOf(System.currentTimeMillis()));
            }
        };
    }
}

package org.safereg.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code safereg_redis_fallbacks_total{copy, reason}}: a read answered from MySQL because the copy in Redis (or
 * in this process) could not be used: it is marked stale ({@code stale}), the store did not answer ({@code
 * unreachable}) or it lost what was asked for ({@code lost}). Each feature registers its counters once.
 */
public final class RedisFallbacks {

    private RedisFallbacks() {}

    /**
     * @param copy credit, risk, point-states, presence
     * @param reason stale, unreachable, lost
     */
    public static Counter counter(MeterRegistry registry, String copy, String reason) {
        return Counter.builder("safereg.redis.fallbacks")
                .description("Reads answered from MySQL because the copy in Redis was stale, lost or unreachable")
                .tag("copy", copy)
                .tag("reason", reason)
                .register(registry);
    }
}

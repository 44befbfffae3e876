package org.safereg.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when Redis is configured ({@code spring.data.redis.host}, {@code spring.data.redis.url}, or a Redis Cluster's
 * {@code spring.data.redis.cluster.nodes});
 * otherwise SafeReg keeps what Redis would hold in process (the embedded default).
 */
public class RedisConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return in(context.getEnvironment());
    }

    public static boolean in(Environment env) {
        return StringUtils.hasText(env.getProperty("spring.data.redis.host"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.cluster.nodes"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.cluster.nodes[0]"));
    }
}

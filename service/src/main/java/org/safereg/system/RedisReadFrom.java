package org.safereg.system;

import io.lettuce.core.ReadFrom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@code safereg.redis.read-from}: which nodes of a Redis Cluster (or a primary with replicas) Lettuce reads
 * from, as Lettuce names them ({@code upstream}, the default, {@code replicaPreferred}, {@code any}, ...). A
 * replica may lag its primary: SafeReg's compare-and-set writes always go to the primary and check there, so
 * a stale read costs a retry, never a wrong state; the read models may answer a moment behind.
 */
@Component
class RedisReadFrom implements LettuceClientConfigurationBuilderCustomizer {

    private final String readFrom;

    RedisReadFrom(@Value("${safereg.redis.read-from:}") String readFrom) {
        this.readFrom = readFrom;
    }

    @Override
    public void customize(
            org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration
                            .LettuceClientConfigurationBuilder
                    builder) {
        if (StringUtils.hasText(readFrom)) {
            builder.readFrom(ReadFrom.valueOf(readFrom));
        }
    }
}

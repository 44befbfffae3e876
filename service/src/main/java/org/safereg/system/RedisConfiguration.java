package org.safereg.system;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfigured.class)
class RedisConfiguration {

    /**
     * Fail at once while Redis is unreachable instead of queueing commands until they time out: every
     * reader has MySQL to fall back on, and a request must not hang on the cache.
     */
    @Bean
    LettuceClientConfigurationBuilderCustomizer failFastWhenRedisIsDown() {
        return builder -> builder.clientOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled())
                .build());
    }

    /**
     * Lettuce reconnects with an exponential back-off that reaches 30 s: after an outage of a minute,
     * Redis could be back for half a minute while every request that needs it was still refused. Trying
     * every second at most resumes service within a second of Redis answering again.
     */
    @Bean
    ClientResourcesBuilderCustomizer reconnectWithinASecond() {
        return builder -> builder.reconnectDelay(
                Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
    }

    /** Pipelined bulk writes (100,000 hashes per credit run) flush in buffers rather than per command. */
    @Bean
    static BeanPostProcessor bufferedPipelining() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof LettuceConnectionFactory factory) {
                    factory.setPipeliningFlushPolicy(LettuceConnection.PipeliningFlushPolicy.buffered(1000));
                }
                return bean;
            }
        };
    }
}

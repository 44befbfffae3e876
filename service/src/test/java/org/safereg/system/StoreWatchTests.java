package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safereg.support.RealStores;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The Redis probe against a real Redis that does not answer once, then answers again. */
class StoreWatchTests {

    @Test
    void aListenerFailingWhenRedisAnswersAgainDoesNotStopTheProbe() {
        Map<String, Object> stores = RealStores.properties();
        LettuceConnectionFactory real = new LettuceConnectionFactory(new RedisStandaloneConfiguration(
                (String) stores.get("spring.data.redis.host"),
                Integer.parseInt((String) stores.get("spring.data.redis.port"))));
        real.afterPropertiesSet();
        real.start();
        List<Object> published = new ArrayList<>();
        ApplicationEventPublisher failingListener = event -> {
            published.add(event);
            throw new IllegalStateException("the copies could not be checked");
        };
        try {
            StoreWatch watch = new StoreWatch(
                    null, answeringAfterOneFailure(real), Duration.ofSeconds(1), Clock.systemUTC(), failingListener);

            watch.probeRedis();
            assertThat(watch.redisAnswering()).isFalse();

            watch.probeRedis();

            assertThat(published).hasSize(1).first().isInstanceOf(RedisAnswersAgain.class);
            assertThat(watch.redisAnswering())
                    .as("Redis answers again, though the listener failed")
                    .isTrue();
        } finally {
            real.destroy();
        }
    }

    /** The real factory, except that the first connection fails as a Redis that is down does. */
    private static RedisConnectionFactory answeringAfterOneFailure(RedisConnectionFactory real) {
        boolean[] failed = {false};
        return (RedisConnectionFactory) Proxy.newProxyInstance(
                RedisConnectionFactory.class.getClassLoader(),
                new Class<?>[] {RedisConnectionFactory.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && !failed[0]) {
                        failed[0] = true;
                        throw new RedisConnectionFailureException("Unable to connect to Redis");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

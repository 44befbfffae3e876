package org.safereg.system;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The stores in health, from what {@link StoreWatch} last found (so health never waits on a store). MySQL
 * is the truth: without it the instance is not ready. Redis is a copy and a transport: without it the
 * instance still serves (readings wait, reads come from MySQL), so it stays UP and says what is degraded.
 */
@Configuration(proxyBeanMethods = false)
class StoreHealth {

    static final String REDIS_DEGRADED = "Redis is not answering: readings and other requests that need it are"
            + " refused with 503 and Retry-After until it returns; credit and risk are read from MySQL";

    @Bean
    StoreWatch storeWatch(
            DataSource dataSource,
            ObjectProvider<RedisConnectionFactory> redis,
            Environment environment,
            Clock clock,
            StoreProperties properties,
            ApplicationEventPublisher events) {
        return new StoreWatch(
                dataSource,
                RedisConfigured.in(environment) ? redis.getIfAvailable() : null,
                properties.probeEvery(),
                clock,
                events);
    }

    @Bean
    HealthIndicator mysqlHealthIndicator(StoreWatch stores) {
        return () -> {
            StoreWatch.State mysql = stores.mysql();
            Health.Builder health = mysql.answering() ? Health.up() : Health.down();
            health.withDetail("answering", mysql.answering()).withDetail("since", mysql.since());
            if (!mysql.answering()) {
                health.withDetail("problem", mysql.problem());
            }
            return health.build();
        };
    }

    @Bean
    HealthIndicator redisHealthIndicator(StoreWatch stores) {
        return () -> stores.redis()
                .map(redis -> {
                    Health.Builder health = Health.up()
                            .withDetail("store", "redis")
                            .withDetail("answering", redis.answering())
                            .withDetail("since", redis.since());
                    if (!redis.answering()) {
                        health.withDetail("degraded", REDIS_DEGRADED).withDetail("problem", redis.problem());
                    }
                    return health.build();
                })
                .orElseGet(() -> Health.up().withDetail("store", "in-process").build());
    }
}

package org.safereg.positioning;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.safereg.monitoring.DerivedReadings;
import org.safereg.system.RedisConfigured;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PositioningProperties.class)
class PositioningConfiguration {

    @Bean
    @Conditional(RedisConfigured.class)
    Presence redisPresence(StringRedisTemplate redis) {
        return new RedisPresence(redis);
    }

    @Bean
    @ConditionalOnMissingBean(Presence.class)
    Presence inProcessPresence() {
        return new InProcessPresence();
    }

    @Bean
    MineAreas mineAreas(
            PositioningMapper mapper, DerivedReadings readings, TransactionTemplate transactions, Clock clock) {
        return new MineAreas(mapper, readings, transactions, clock);
    }

    @Bean
    Positions positions(
            MineAreas areas,
            Presence presence,
            PositioningMapper mapper,
            SqlSessionFactory sessions,
            DerivedReadings readings,
            TransactionTemplate transactions,
            PositioningProperties properties,
            Clock clock,
            MeterRegistry registry) {
        // the same statements in a BATCH session: sent together when the batch's transaction commits
        PositioningMapper batch =
                new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(PositioningMapper.class);
        return new Positions(areas, presence, mapper, batch, readings, transactions, properties, clock, registry);
    }
}

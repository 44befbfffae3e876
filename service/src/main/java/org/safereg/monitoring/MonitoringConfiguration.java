package org.safereg.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.safereg.system.RedisConfigured;
import org.safereg.system.RedisSubscription;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringProperties.class)
class MonitoringConfiguration {

    @Bean
    MonitoringPoints monitoringPoints(MonitoringMapper mapper, RuleEngine engine, Clock clock) {
        return new MonitoringPoints(mapper, engine, new AlarmCoverage(), clock);
    }

    @Bean
    @Conditional(RedisConfigured.class)
    PointStates redisPointStates(
            StringRedisTemplate redis, ObjectMapper json, AlarmMapper alarms, MeterRegistry registry) {
        return new DurablePointStates(new RedisPointStates(redis, json), alarms, registry);
    }

    @Bean
    @ConditionalOnMissingBean(PointStates.class)
    PointStates inProcessPointStates(AlarmMapper alarms, MeterRegistry registry) {
        return new DurablePointStates(new InProcessPointStates(), alarms, registry);
    }

    @Bean
    AlarmStream alarmStream() {
        return new AlarmStream();
    }

    @Bean
    @Conditional(RedisConfigured.class)
    AlarmBroadcast redisAlarmBroadcast(StringRedisTemplate redis, ObjectMapper json) {
        return new AlarmBroadcast.Redis(redis, json);
    }

    @Bean
    @Conditional(RedisConfigured.class)
    RedisSubscription alarmBroadcastSubscription(
            RedisConnectionFactory connections, AlarmStream stream, ObjectMapper json) {
        return new RedisSubscription(
                connections,
                AlarmBroadcast.CHANNEL,
                AlarmBroadcast.Redis.listener(stream, json),
                "alarm changes of other instances do not reach this instance's event streams");
    }

    @Bean
    @ConditionalOnMissingBean(AlarmBroadcast.class)
    AlarmBroadcast localAlarmBroadcast(AlarmStream stream) {
        return AlarmBroadcast.local(stream);
    }

    @Bean
    Alarms alarms(
            AlarmMapper mapper,
            MonitoringMapper points,
            PointStates states,
            TransactionTemplate transactions,
            AlarmBroadcast broadcast,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectMapper json,
            RuleCatalog rules) {
        return new Alarms(mapper, points, states, transactions, broadcast, events, clock, json, rules);
    }

    @Bean
    Readings readings(
            MonitoringPoints points,
            PointStates states,
            Alarms alarms,
            RuleEngine engine,
            MonitoringProperties properties,
            Clock clock,
            MeterRegistry registry) {
        return new Readings(points, states, alarms, engine, properties, clock, new MonitoringMetrics(registry));
    }

    @Bean
    DerivedReadings derivedReadings(MonitoringPoints points, Readings readings) {
        return new DerivedReadings(points, readings);
    }
}

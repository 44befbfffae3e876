package org.safereg.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.safereg.system.DecisionMeter;
import org.safereg.system.RedisConfigured;
import org.safereg.tasks.EnforcementTasks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class EscalationConfiguration {

    @Bean
    @Conditional(RedisConfigured.class)
    NotificationFeed redisNotificationFeed(StringRedisTemplate redis, EscalationProperties properties) {
        return new RedisNotificationFeed(redis, properties.stream());
    }

    @Bean
    @ConditionalOnMissingBean(NotificationFeed.class)
    NotificationFeed inProcessNotificationFeed() {
        return new InProcessNotificationFeed();
    }

    @Bean
    Escalation escalation(
            EscalationMapper mapper,
            EnforcementTasks tasks,
            RuleEngine engine,
            NotificationFeed feed,
            TransactionTemplate transactions,
            EscalationProperties properties,
            Clock clock,
            MeterRegistry registry) {
        return new Escalation(
                new DueSituations(mapper, properties),
                new EscalationPolicy(engine, DecisionMeter.of(registry, "escalation")),
                new NotificationSteps(mapper, transactions, DecisionMeter.of(registry, "notification")),
                new TaskOrders(tasks, transactions),
                new NotificationPublishing(mapper, feed, transactions, clock),
                clock);
    }

    @Bean
    Notifications notifications(EscalationMapper mapper, RuleCatalog rules) {
        return new Notifications(mapper, rules);
    }
}

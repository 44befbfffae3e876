package org.safereg.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.safereg.changes.DecisionChanges;
import org.safereg.enforcement.EnforcementDecisions;
import org.safereg.engine.RuleCatalog;
import org.safereg.enterprise.Violations;
import org.safereg.hazards.InspectionHazards;
import org.safereg.system.DecisionMeter;
import org.safereg.system.RedisConfigured;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class TaskConfiguration {

    @Bean
    @Conditional(RedisConfigured.class)
    TaskStream redisTaskStream(StringRedisTemplate redis, TaskProperties properties) {
        return new RedisTaskStream(redis, properties.stream(), properties.consumerGroup());
    }

    @Bean
    @ConditionalOnMissingBean(TaskStream.class)
    TaskStream inProcessTaskStream() {
        return new InProcessTaskStream();
    }

    @Bean
    TaskRelay taskRelay(
            TaskMapper mapper,
            TaskStream stream,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock,
            TaskProperties properties) {
        return new TaskRelay(mapper, stream, transactions, json, clock, properties.relayBatch());
    }

    @Bean
    EnforcementTasks enforcementTasks(
            TaskMapper mapper,
            TaskRelay relay,
            ObjectMapper json,
            Clock clock,
            MeterRegistry registry,
            DecisionChanges changes) {
        return new EnforcementTasks(mapper, relay, json, clock, DecisionMeter.of(registry, "task"), changes);
    }

    @Bean
    Tasks tasks(
            TaskMapper mapper,
            TaskRelay relay,
            Violations violations,
            InspectionHazards hazardsFound,
            EnforcementDecisions enforcement,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            RuleCatalog rules,
            DecisionChanges changes) {
        return new Tasks(
                mapper,
                relay,
                violations,
                hazardsFound,
                enforcement,
                transactions,
                events,
                json,
                clock,
                rules,
                changes);
    }
}

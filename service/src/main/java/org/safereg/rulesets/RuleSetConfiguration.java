package org.safereg.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.safereg.engine.ActiveRuleSetSource;
import org.safereg.engine.CandidateCheck;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.WorkbookExamples;
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
@EnableConfigurationProperties(RuleSetProperties.class)
class RuleSetConfiguration {

    @Bean
    ActiveRuleSetSource storedActiveRuleSet(RuleSetMapper mapper) {
        return new StoredActiveRuleSet(mapper);
    }

    @Bean
    RuleSetCompiles ruleSetCompiles(RuleEngine engine, RuleSetProperties properties) {
        return new RuleSetCompiles(engine, properties.compileTimeout(), properties.retainedSnapshots());
    }

    @Bean
    ActiveVersionSync activeVersionSync(RuleEngine engine, RuleSetMapper mapper, RuleSetCompiles compiles) {
        return new ActiveVersionSync(engine, mapper, compiles);
    }

    @Bean
    @Conditional(RedisConfigured.class)
    RuleSetBroadcast redisRuleSetBroadcast(StringRedisTemplate redis) {
        return new RuleSetBroadcast.Redis(redis);
    }

    @Bean
    @Conditional(RedisConfigured.class)
    RedisSubscription ruleSetActivationListener(RedisConnectionFactory connections, ActiveVersionSync sync) {
        return new RedisSubscription(
                connections,
                RuleSetBroadcast.CHANNEL,
                RuleSetBroadcast.Redis.listener(sync),
                "activations announced by other instances are picked up from MySQL only");
    }

    @Bean
    @ConditionalOnMissingBean(RuleSetBroadcast.class)
    RuleSetBroadcast noRuleSetBroadcast() {
        // the embedded default is one instance
        return RuleSetBroadcast.none();
    }

    @Bean
    Examples examples(List<WorkbookExamples> runners, ObjectMapper json) {
        return new Examples(runners, json);
    }

    @Bean
    RuleSetVersions ruleSetVersions(RuleEngine engine, RuleSetMapper mapper, RuleSetCompiles compiles) {
        return new RuleSetVersions(engine, mapper, compiles);
    }

    @Bean
    TableChecks tableChecks(RuleEngine engine, List<CandidateCheck> candidateChecks) {
        return new TableChecks(engine, candidateChecks);
    }

    @Bean
    RuleSets ruleSets(
            RuleEngine engine,
            RuleSetMapper mapper,
            RuleSetRegistry registry,
            RuleSetCompiles compiles,
            ActiveVersionSync sync,
            RuleSetBroadcast broadcast,
            TableChecks checks,
            RuleSetProperties properties,
            TransactionTemplate transactions,
            Clock clock,
            ObjectMapper json,
            ApplicationEventPublisher events,
            Examples examples) {
        return new RuleSets(
                engine,
                mapper,
                registry,
                compiles,
                sync,
                broadcast,
                checks,
                properties,
                transactions,
                clock,
                json,
                events,
                examples);
    }
}

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
import org.springdoc.core.customizers.OpenApiCustomizer;
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
    OpenApiCustomizer ruleSetContract() {
        return new RuleSetContract();
    }

    @Bean
    Examples examples(List<WorkbookExamples> runners, ObjectMapper json) {
        return new Examples(runners, json);
    }

    @Bean
    TableChecks tableChecks(RuleEngine engine, List<CandidateCheck> candidateChecks) {
        return new TableChecks(engine, candidateChecks);
    }

    @Bean
    RuleSets ruleSets(
            RuleSetUploads uploads,
            VersionHistory history,
            VersionReview review,
            RuleSetApproval approval,
            RuleSetActivation activation,
            AuditTrail audit) {
        return new RuleSets(uploads, history, review, approval, activation, audit);
    }

    @Bean
    VersionHistory versionHistory(RuleSetMapper mapper, ObjectMapper json) {
        return new VersionHistory(mapper, json);
    }

    @Bean
    AuditTrail ruleSetAuditTrail(RuleSetMapper mapper, Clock clock) {
        return new AuditTrail(mapper, clock);
    }

    @Bean
    RuleSetUploads ruleSetUploads(
            RuleEngine engine,
            VersionHistory history,
            RuleSetCompiles compiles,
            TableChecks checks,
            Examples examples,
            RuleSetRegistry registry,
            AuditTrail audit,
            TransactionTemplate transactions,
            RuleSetProperties properties) {
        return new RuleSetUploads(
                engine,
                history,
                new VersionChecks(compiles, checks, examples),
                registry,
                audit,
                transactions,
                properties.maxFileSize().toBytes());
    }

    @Bean
    VersionReview versionReview(
            VersionHistory history, RuleEngine engine, RuleSetCompiles compiles, Examples examples) {
        return new VersionReview(history, engine, compiles, examples);
    }

    @Bean
    RuleSetVersions ruleSetVersions(VersionHistory history, RuleEngine engine, RuleSetCompiles compiles) {
        return new RuleSetVersions(history, engine, compiles);
    }

    @Bean
    RuleSetApproval ruleSetApproval(
            VersionHistory history, RuleSetMapper mapper, AuditTrail audit, TransactionTemplate transactions) {
        return new RuleSetApproval(history, mapper, audit, transactions);
    }

    @Bean
    RuleSetActivation ruleSetActivation(
            VersionHistory history,
            RuleSetMapper mapper,
            RuleSetCompiles compiles,
            Examples examples,
            AuditTrail audit,
            TransactionTemplate transactions,
            ActiveVersionSync sync,
            RuleSetBroadcast broadcast,
            ApplicationEventPublisher events,
            RuleSetProperties properties) {
        return new RuleSetActivation(
                new ActivationGate(history, mapper, compiles, examples, properties.fourEyes()),
                mapper,
                audit,
                transactions,
                sync,
                new ActivationAnnouncement(broadcast, events, properties.reevaluateOnActivation()));
    }
}

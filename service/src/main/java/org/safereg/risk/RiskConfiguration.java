package org.safereg.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.safereg.system.JobLeases;
import org.safereg.system.RedisConfigured;
import org.safereg.system.StaleMark;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class RiskConfiguration {

    @Bean
    @Conditional(RedisConfigured.class)
    RiskReadModel redisRiskReadModel(StringRedisTemplate redis) {
        return new RedisRiskReadModel(redis);
    }

    @Bean
    @ConditionalOnMissingBean(RiskReadModel.class)
    RiskReadModel inProcessRiskReadModel() {
        return new InProcessRiskReadModel();
    }

    @Bean
    RiskReadModels riskReadModels(
            RiskReadModel readModel,
            RiskMapper mapper,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            Clock clock,
            RiskProperties properties) {
        return new RiskReadModels(
                readModel,
                mapper,
                transactions,
                new StaleMark(RiskReadModels.NAME, jdbc, clock, properties.staleCheck(), readModel.epoch()));
    }

    @Bean
    RiskAssessments riskAssessments(
            RiskMapper mapper,
            SqlSessionFactory sessions,
            RuleEngine engine,
            RiskReadModels readModels,
            RiskProperties properties,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock) {
        RiskMapper batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(RiskMapper.class);
        return new RiskAssessments(mapper, batch, engine, readModels, properties, transactions, json, clock);
    }

    @Bean
    RiskRecompute riskRecompute(
            RiskAssessments assessments,
            RiskProperties properties,
            RiskMapper mapper,
            RuleEngine engine,
            JobLeases leases,
            Clock clock) {
        return new RiskRecompute(assessments, properties, mapper, engine, leases, clock);
    }

    @Bean
    RiskSchedule riskSchedule(
            RiskRecompute recompute, RiskReadModels readModels, RiskMapper mapper, RiskProperties properties) {
        return new RiskSchedule(recompute, readModels, mapper, properties);
    }

    @Bean
    RiskQueries riskQueries(RiskReadModels readModels, RiskMapper mapper, RuleCatalog rules, ObjectMapper json) {
        return new RiskQueries(readModels, mapper, rules, json);
    }
}

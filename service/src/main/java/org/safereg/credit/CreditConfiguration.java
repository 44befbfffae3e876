package org.safereg.credit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.safereg.system.JobLeases;
import org.safereg.system.RedisConfigured;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CreditConfiguration {

    @Bean
    @Conditional(RedisConfigured.class)
    CreditReadModel redisCreditReadModel(StringRedisTemplate redis) {
        return new RedisCreditReadModel(redis);
    }

    @Bean
    @ConditionalOnMissingBean(CreditReadModel.class)
    CreditReadModel inProcessCreditReadModel() {
        return new InProcessCreditReadModel();
    }

    @Bean
    CreditReadModels creditReadModels(
            CreditReadModel readModel,
            CreditMapper mapper,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            Clock clock,
            CreditProperties properties) {
        return new CreditReadModels(readModel, mapper, transactions, jdbc, clock, properties);
    }

    @Bean
    CreditQueries creditQueries(
            CreditReadModels readModels, CreditMapper mapper, RuleCatalog rules, ObjectMapper json) {
        return new CreditQueries(readModels, mapper, rules, json);
    }

    @Bean
    CreditEvaluations creditEvaluations(
            CreditMapper mapper,
            SqlSessionFactory sessions,
            RuleEngine engine,
            CreditReadModels readModels,
            CreditProperties properties,
            TransactionTemplate transactions,
            ObjectMapper json,
            ApplicationEventPublisher events,
            JobLeases leases,
            Clock clock) {
        CreditMapper batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(CreditMapper.class);
        return new CreditEvaluations(
                mapper, batch, engine, readModels, properties, transactions, json, events, leases, clock);
    }
}

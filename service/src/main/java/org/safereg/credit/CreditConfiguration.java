package org.safereg.credit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.safereg.engine.RuleEngine;
import org.safereg.readmodel.ReadModel;
import org.safereg.readmodel.ReadModels;
import org.safereg.rulesets.RuleCatalog;
import org.safereg.system.JobLeases;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CreditConfiguration {

    @Bean
    ReadModel<CreditRecord> creditReadModels(ReadModels readModels, CreditMapper mapper, CreditProperties properties) {
        return readModels.create("credit", new CreditRecordCodec(), mapper::streamResults, properties.staleCheck());
    }

    /** Whether credit is served from the copy: the store and whether it may be behind MySQL. */
    @Bean
    HealthIndicator creditReadModel(ReadModel<CreditRecord> readModel) {
        return readModel.health();
    }

    @Bean
    CreditQueries creditQueries(
            ReadModel<CreditRecord> readModel, CreditMapper mapper, RuleCatalog rules, ObjectMapper json) {
        return new CreditQueries(readModel, mapper, rules, json);
    }

    @Bean
    CreditEvaluations creditEvaluations(
            CreditMapper mapper,
            SqlSessionFactory sessions,
            RuleEngine engine,
            ReadModel<CreditRecord> readModel,
            CreditProperties properties,
            TransactionTemplate transactions,
            ObjectMapper json,
            ApplicationEventPublisher events,
            JobLeases leases,
            Clock clock) {
        CreditMapper batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(CreditMapper.class);
        return new CreditEvaluations(
                mapper, batch, engine, readModel, properties, transactions, json, events, leases, clock);
    }
}

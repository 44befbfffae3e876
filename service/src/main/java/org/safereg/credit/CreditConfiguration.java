package org.safereg.credit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.safereg.changes.DecisionChanges;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.safereg.jobs.Jobs;
import org.safereg.jobs.Partitions;
import org.safereg.readmodel.ReadModel;
import org.safereg.readmodel.ReadModels;
import org.safereg.system.DecisionMeter;
import org.safereg.system.JobLeases;
import org.safereg.system.JobProgress;
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
    CreditPages creditPages(CreditMapper mapper, CreditProperties properties) {
        return new CreditPages(mapper, properties);
    }

    @Bean
    CreditResults creditResults(
            SqlSessionFactory sessions,
            ReadModel<CreditRecord> readModel,
            TransactionTemplate transactions,
            ObjectMapper json,
            ApplicationEventPublisher events,
            MeterRegistry registry,
            DecisionChanges changes) {
        CreditMapper batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(CreditMapper.class);
        return new CreditResults(
                batch, readModel, transactions, json, events, DecisionMeter.of(registry, "credit"), changes);
    }

    /** Closed with the context (it is {@link AutoCloseable}): no credit thread outlives it. */
    @Bean
    CreditThreads creditThreads() {
        return new CreditThreads();
    }

    @Bean
    CreditEvaluations creditEvaluations(
            CreditMapper mapper,
            CreditPages pages,
            CreditResults results,
            RuleEngine engine,
            ReadModel<CreditRecord> readModel,
            CreditProperties properties,
            JobLeases leases,
            Clock clock,
            CreditThreads threads,
            Jobs jobs,
            JobProgress gauges,
            Partitions partitions) {
        return new CreditEvaluations(
                mapper,
                pages,
                results,
                engine,
                readModel,
                properties,
                leases,
                clock,
                threads,
                jobs,
                gauges,
                partitions);
    }
}

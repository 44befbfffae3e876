package org.safereg.risk;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class RiskConfiguration {

    @Bean
    ReadModel<RiskRecord> riskReadModels(ReadModels readModels, RiskMapper mapper, RiskProperties properties) {
        return readModels.create("risk", new RiskRecordCodec(), mapper::streamResults, properties.staleCheck());
    }

    /** Whether risk is served from the copy: the store and whether it may be behind MySQL. */
    @Bean
    HealthIndicator riskReadModel(ReadModel<RiskRecord> readModel) {
        return readModel.health();
    }

    @Bean
    RiskAssessments riskAssessments(
            RiskMapper mapper,
            SqlSessionFactory sessions,
            RuleEngine engine,
            ReadModel<RiskRecord> readModel,
            RiskProperties properties,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock,
            MeterRegistry registry,
            JobProgress jobs,
            DecisionChanges changes) {
        RiskMapper batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(RiskMapper.class);
        return new RiskAssessments(
                mapper,
                batch,
                engine,
                readModel,
                properties,
                transactions,
                json,
                clock,
                DecisionMeter.of(registry, "risk"),
                jobs,
                changes);
    }

    @Bean
    RiskRecompute riskRecompute(
            RiskAssessments assessments,
            RiskProperties properties,
            RiskMapper mapper,
            RuleEngine engine,
            JobLeases leases,
            Clock clock,
            Jobs jobs,
            Partitions partitions) {
        return new RiskRecompute(assessments, properties, mapper, engine, leases, clock, jobs, partitions);
    }

    @Bean
    RiskSchedule riskSchedule(
            RiskRecompute recompute, ReadModel<RiskRecord> readModel, RiskMapper mapper, RiskProperties properties) {
        return new RiskSchedule(recompute, readModel, mapper, properties);
    }

    @Bean
    RiskQueries riskQueries(ReadModel<RiskRecord> readModel, RiskMapper mapper, RuleCatalog rules, ObjectMapper json) {
        return new RiskQueries(readModel, mapper, rules, json);
    }
}

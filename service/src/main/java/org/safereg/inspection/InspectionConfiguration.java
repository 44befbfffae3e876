package org.safereg.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.safereg.system.DecisionMeter;
import org.safereg.tasks.EnforcementTasks;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionProperties.class)
class InspectionConfiguration {

    @Bean
    OpenApiCustomizer inspectionContract() {
        return new InspectionContract();
    }

    @Bean
    InspectionPlans inspectionPlans(
            PlanDrafting drafting, PlanViews views, PlanStatisticsReport statistics, PlanAcceptance acceptance) {
        return new InspectionPlans(drafting, views, statistics, acceptance);
    }

    @Bean
    PlanJson planJson(ObjectMapper json) {
        return new PlanJson(json);
    }

    @Bean
    PlanDrafting planDrafting(
            InspectionPlanMapper mapper,
            RuleEngine engine,
            RuleCatalog catalog,
            PlanViews views,
            PlanJson json,
            Clock clock,
            InspectionProperties properties,
            TransactionTemplate transactions,
            JdbcTemplate jdbc,
            MeterRegistry registry) {
        return new PlanDrafting(
                new PlanRequestValidation(mapper, clock),
                mapper,
                engine,
                new PlanFocus(mapper, catalog, clock, properties.focusReaders()),
                new PlanStore(mapper, jdbc, transactions, json, properties.insertBatch()),
                views,
                json,
                clock,
                DecisionMeter.of(registry, "plan"));
    }

    @Bean
    PlanViews planViews(InspectionPlanMapper mapper, RuleCatalog catalog, PlanJson json) {
        return new PlanViews(mapper, catalog, json);
    }

    @Bean
    PlanStatisticsReport planStatisticsReport(InspectionPlanMapper mapper, PlanViews views, PlanJson json) {
        return new PlanStatisticsReport(mapper, views, json);
    }

    @Bean
    PlanAcceptance planAcceptance(
            InspectionPlanMapper mapper,
            PlanViews views,
            EnforcementTasks tasks,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            PlanJson json,
            Clock clock) {
        return new PlanAcceptance(mapper, views, tasks, transactions, events, json, clock);
    }
}

package org.safereg.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.safereg.tasks.EnforcementTasks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionProperties.class)
class InspectionConfiguration {

    @Bean
    InspectionPlans inspectionPlans(
            InspectionPlanMapper mapper,
            RuleEngine engine,
            RuleCatalog catalog,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            InspectionProperties properties,
            EnforcementTasks tasks) {
        return new InspectionPlans(mapper, engine, catalog, transactions, events, json, clock, properties, tasks);
    }
}

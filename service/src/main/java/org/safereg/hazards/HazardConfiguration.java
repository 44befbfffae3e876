package org.safereg.hazards;

import java.time.Clock;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class HazardConfiguration {

    @Bean
    HazardClassifier hazardClassifier(HazardMapper mapper, RuleEngine engine, Clock clock) {
        return new HazardClassifier(mapper, engine, clock);
    }

    @Bean
    HazardDetails hazardDetails(HazardMapper mapper, RuleCatalog rules) {
        return new HazardDetails(mapper, rules);
    }

    @Bean
    Hazards hazards(
            HazardMapper mapper,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            HazardClassifier classifier,
            HazardDetails details) {
        return new Hazards(mapper, transactions, events, clock, classifier, details);
    }

    @Bean
    HazardClassificationBackfill hazardClassificationBackfill(
            HazardClassifier classifier, TransactionTemplate transactions) {
        return new HazardClassificationBackfill(classifier, transactions);
    }

    @Bean
    HazardDeadlines hazardDeadlines(HazardMapper mapper, ApplicationEventPublisher events, Clock clock) {
        return new HazardDeadlines(mapper, events, clock);
    }

    @Bean
    InspectionHazards inspectionHazards(HazardMapper mapper, HazardClassifier classifier) {
        return new InspectionHazards(mapper, classifier);
    }
}

package org.safereg.hazards;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class HazardConfiguration {

    @Bean
    Hazards hazards(
            HazardMapper mapper, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        return new Hazards(mapper, transactions, events, clock);
    }

    @Bean
    HazardDeadlines hazardDeadlines(HazardMapper mapper, ApplicationEventPublisher events, Clock clock) {
        return new HazardDeadlines(mapper, events, clock);
    }

    @Bean
    InspectionHazards inspectionHazards(HazardMapper mapper) {
        return new InspectionHazards(mapper);
    }
}

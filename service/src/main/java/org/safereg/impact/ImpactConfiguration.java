package org.safereg.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.safereg.credit.CreditSimulation;
import org.safereg.enforcement.EnforcementSimulation;
import org.safereg.inspection.InspectionWorkload;
import org.safereg.monitoring.AlarmSimulation;
import org.safereg.risk.RiskSimulation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImpactConfiguration {

    @Bean
    ImpactSimulation impactSimulation(
            CreditSimulation credit,
            RiskSimulation risk,
            InspectionWorkload inspection,
            AlarmSimulation alarms,
            EnforcementSimulation enforcement,
            ImpactMapper mapper,
            ObjectMapper json,
            Clock clock) {
        return new ImpactSimulation(credit, risk, inspection, alarms, enforcement, mapper, json, clock);
    }
}

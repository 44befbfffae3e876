package org.safereg.risk;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** The risk read model's store and whether it may be behind MySQL (then answers come from MySQL: still UP). */
@Component("riskReadModel")
class RiskReadModelHealth implements HealthIndicator {

    private final RiskReadModels readModels;

    RiskReadModelHealth(RiskReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("store", readModels.kind())
                .withDetail("stale", readModels.isStale())
                .build();
    }
}

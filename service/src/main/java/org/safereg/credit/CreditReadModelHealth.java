package org.safereg.credit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The credit read model's store and whether it may be behind MySQL. A stale read model is not a failure
 * (answers come from MySQL), so it reports UP with the detail.
 */
@Component("creditReadModel")
class CreditReadModelHealth implements HealthIndicator {

    private final CreditReadModels readModels;

    CreditReadModelHealth(CreditReadModels readModels) {
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

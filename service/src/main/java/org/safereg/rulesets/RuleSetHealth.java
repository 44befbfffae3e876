package org.safereg.rulesets;

import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetVersion;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health says which rule-set version this instance decides with, so instances can be compared. */
@Component("ruleSet")
class RuleSetHealth implements HealthIndicator {

    private final RuleEngine engine;

    RuleSetHealth(RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        RuleSetVersion version = engine.version();
        return Health.up()
                .withDetail("version", version.hash())
                .withDetail("compiledAt", version.compiledAt().toString())
                .withDetail("files", version.files())
                .build();
    }
}

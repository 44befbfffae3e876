package org.safereg.engine;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class EngineConfiguration {

    /** Compiles and activates the configured rule set at start-up; a broken one stops the start. */
    @Bean
    RuleEngine ruleEngine(Clock clock, RulesProperties properties) {
        RuleEngine engine = new RuleEngine(clock);
        engine.activate(engine.compile(RuleSetSources.load(properties.location())));
        return engine;
    }
}

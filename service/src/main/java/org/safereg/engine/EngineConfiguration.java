package org.safereg.engine;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    /**
     * Compiles and activates, at start-up, the version activated last (from the rule-set store) or, when
     * none has been, the configured folders; a broken packaged rule set stops the start.
     */
    @Bean
    RuleEngine ruleEngine(Clock clock, RulesProperties properties, ObjectProvider<ActiveRuleSetSource> store) {
        RuleEngine engine = new RuleEngine(clock);
        ActiveRuleSetSource source = store.getIfAvailable();
        List<RuleFile> stored = source == null ? null : source.activeFiles().orElse(null);
        if (stored != null) {
            try {
                engine.activate(engine.compile(stored));
                return engine;
            } catch (RuleSetCompilationException e) {
                // it compiled when it was activated; only a change of the engine itself can break it
                log.error(
                        "The active rule set stored in the database no longer compiles; starting with the"
                                + " configured folders instead",
                        e);
            }
        }
        engine.activate(engine.compile(RuleSetSources.load(properties.location())));
        return engine;
    }
}

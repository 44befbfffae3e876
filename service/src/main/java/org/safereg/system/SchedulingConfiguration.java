package org.safereg.system;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Schedules run on every instance; ShedLock's lock rows in the shared database make one instance at a
 * time run each job. {@code safereg.scheduling.enabled=false} turns schedules off (tests, one-off runs).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "safereg.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    /**
     * A schedule that runs while a store is down fails at every turn; one line says so (the store's own
     * outage is logged once by {@link StoreWatch}), where a stack trace every few seconds would bury the log.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer quietAboutStoreOutages() {
        return scheduler -> scheduler.setErrorHandler(failure -> {
            StoreOutages.Store store = StoreOutages.storeOf(failure);
            if (store != null) {
                log.warn(
                        "A scheduled task did not run to its end: {} is not answering ({})",
                        store.displayName(),
                        StoreOutages.rootMessage(failure));
            } else {
                log.error("Unexpected error in a scheduled task", failure);
            }
        });
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}

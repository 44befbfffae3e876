package org.safereg.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the service's clock with a {@link MutableClock}; import it into a test to move time. */
@TestConfiguration(proxyBeanMethods = false)
public class ClockControl {

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneId.systemDefault());
    }
}

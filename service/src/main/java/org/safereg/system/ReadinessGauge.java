package org.safereg.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code safereg_ready}: 1 while this instance's readiness group is UP, 0 otherwise, so that an alert on
 * readiness needs no probe of its own. Health reads the stores' last probe, so a scrape never waits on a store.
 */
@Component
class ReadinessGauge {

    ReadinessGauge(MeterRegistry registry, ObjectProvider<HealthEndpoint> health) {
        Gauge.builder("safereg.ready", health, ReadinessGauge::ready)
                .description("1 while the instance is ready to serve (readiness group UP), 0 otherwise")
                // a gauge keeps only a weak reference to what it reads unless told otherwise
                .strongReference(true)
                .register(registry);
    }

    private static double ready(ObjectProvider<HealthEndpoint> health) {
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthComponent readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}

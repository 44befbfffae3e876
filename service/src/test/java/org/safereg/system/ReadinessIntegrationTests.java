package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;

/**
 * The start-up work (rule set, province, first evaluations) runs while the web server already listens: a
 * readiness probe asked during it answers 503, so no load balancer sends traffic before the instance can
 * serve; liveness is UP all along. Once the start-up work is done, readiness is UP.
 */
@IntegrationTest
@Import(ReadinessIntegrationTests.Probe.class)
class ReadinessIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void readinessIsUpOnlyOnceTheStartUpWorkIsDone() {
        assertThat(Probe.readinessDuringStartUp.get()).isEqualTo(503);
        assertThat(Probe.livenessDuringStartUp.get()).isEqualTo(200);
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @TestConfiguration
    static class Probe {

        static final AtomicInteger readinessDuringStartUp = new AtomicInteger();
        static final AtomicInteger livenessDuringStartUp = new AtomicInteger();

        /** The last start-up runner: the web server listens, SafeReg's own start-up work is done or under way. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner probeDuringStartUp(Environment environment) {
            return args -> {
                String base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
                HttpClient client = HttpClient.newHttpClient();
                readinessDuringStartUp.set(client.send(
                                HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
                livenessDuringStartUp.set(client.send(
                                HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            };
        }
    }
}

package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safereg.SafeRegApplication;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.RealStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new instance serves HTTP (and says it is alive) while its start-up work is still running: here the
 * first credit evaluation, held up by a lock on its table. Until that work is done it must not say it is
 * ready, or a load balancer would send it requests it cannot answer yet; once it says so, the work is done.
 */
@IntegrationTest
class StartupReadinessIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void anInstanceIsAliveButNotReadyUntilItsStartUpWorkIsDone() throws Exception {
        Province province = Province.reset(jdbc, redis);
        String code = province.enterprise("新开张化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(LocalDate.now().getYear(), 20, 20)
                .code();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<ConfigurableApplicationContext> started;
        try (Connection lock = dataSource.getConnection();
                Statement statement = lock.createStatement()) {
            statement.execute("LOCK TABLES credit_results WRITE");
            try {
                started = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(SafeRegApplication.class)
                        .initializers(new RealStores())
                        .listeners((ApplicationListener<WebServerInitializedEvent>)
                                event -> port.complete(event.getWebServer().getPort()))
                        .properties(
                                "server.port=0",
                                "safereg.credit.evaluate-on-start=true",
                                "safereg.risk.evaluate-on-start=true")
                        .run());
                TestRestTemplate instance = new TestRestTemplate();
                String base = "http://localhost:" + port.get(180, TimeUnit.SECONDS);

                assertThat(untilAlive(instance, base)).isEqualTo(HttpStatus.OK);
                ResponseEntity<JsonNode> readiness =
                        instance.getForEntity(base + "/actuator/health/readiness", JsonNode.class);
                assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(readiness.getBody().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
                ResponseEntity<JsonNode> health = instance.getForEntity(base + "/actuator/health", JsonNode.class);
                assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(health.getBody().path("status").asText()).isNotEqualTo("UP");
            } finally {
                statement.execute("UNLOCK TABLES");
            }
        }
        try (ConfigurableApplicationContext context = started.get(180, TimeUnit.SECONDS)) {
            TestRestTemplate instance = new TestRestTemplate();
            String base = "http://localhost:" + port.get();
            assertThat(instance.getForEntity(base + "/actuator/health/readiness", JsonNode.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(jdbc.queryForObject(
                            "SELECT tier FROM credit_results r JOIN enterprises e ON e.id = r.enterprise_id"
                                    + " WHERE e.credit_code = ?",
                            String.class,
                            code))
                    .isNotBlank();
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM risk_results r JOIN enterprises e ON e.id = r.enterprise_id"
                                    + " WHERE e.credit_code = ?",
                            Integer.class,
                            code))
                    .isEqualTo(1);
        }
    }

    private static HttpStatus untilAlive(TestRestTemplate instance, String base) throws InterruptedException {
        HttpStatus status = null;
        for (int i = 0; i < 600 && status != HttpStatus.OK; i++) {
            try {
                status = HttpStatus.valueOf(instance.getForEntity(base + "/actuator/health/liveness", JsonNode.class)
                        .getStatusCode()
                        .value());
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return status;
    }
}

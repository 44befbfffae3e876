package org.safereg.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safereg.SafeRegApplication;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.RealStores;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances on one MySQL and Redis: a console connected to the second sees, at once, the alarm the
 * first decided from a reading a gateway sent it.
 */
@IntegrationTest
class AlarmStreamAcrossInstancesIntegrationTests {

    private static ConfigurableApplicationContext second;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @BeforeAll
    static void startASecondInstance() {
        second = new SpringApplicationBuilder(SafeRegApplication.class)
                .initializers(new RealStores())
                .properties("server.port=0")
                .run();
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @AfterEach
    void removeMonitoringRows() {
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void anAlarmRaisedOnOneInstanceReachesTheStreamOfAnother() throws Exception {
        Province province = Province.reset(jdbc, redis);
        String plant =
                province.enterprise("双机化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        Api api = new Api(http);
        String gas = Api.uniqueCode("GT");
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(gas, plant, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, null));
        String port = second.getEnvironment().getProperty("local.server.port");
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alarms/stream"))
                .header("Authorization", "Bearer " + TestTokens.token("duty-officer", List.of("REGULATOR"), null))
                .header("Accept", "text/event-stream")
                .build();
        var answer = client.sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines());
        // the answer's headers come after the subscription is registered
        HttpResponse<Stream<String>> stream = answer.get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() ->
                stream.body().filter(line -> line.startsWith("data:")).forEach(line -> data.add(line.substring(5))));
        reader.setDaemon(true);
        reader.start();

        api.post(
                "/api/v1/readings",
                TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null),
                Map.of(
                        "readings",
                        List.of(Map.of(
                                "sensor",
                                gas,
                                "at",
                                Instant.now().minus(1, ChronoUnit.MINUTES).toString(),
                                "value",
                                60,
                                "unit",
                                "%LEL"))));

        String event = data.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an alarm event on the second instance's stream").isNotNull();
        JsonNode alarm = new ObjectMapper().readTree(event);
        assertThat(alarm.path("point").asText()).isEqualTo(gas);
        assertThat(alarm.path("level").asInt()).isEqualTo(2);
        assertThat(alarm.path("lastEvent").asText()).isEqualTo("RAISED");
        stream.body().close();
    }
}

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
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.safereg.SafeRegApplication;
import org.safereg.support.LocalRedisCluster;
import org.safereg.support.Province;
import org.safereg.support.RealStores;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Alarm states on a Redis Cluster of three masters: the compare-and-set scripts run on the node of each point,
 * an alarm decided on one instance reaches the stream of another (pub/sub is broadcast over the cluster), and a
 * node restarted empty is noticed: the unit's marks come back from MySQL and a point still in alarm is not
 * raised a second time.
 */
@EnabledIf("org.safereg.support.LocalRedisCluster#available")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {RealStores.class, LocalRedisCluster.Initializer.class})
class MonitoringOnRedisClusterIntegrationTests {

    private static ConfigurableApplicationContext second;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private Api api;
    private String plant;
    private Instant t0;

    @BeforeAll
    static void startASecondInstance() {
        second = new SpringApplicationBuilder(SafeRegApplication.class)
                .initializers(new RealStores(), new LocalRedisCluster.Initializer())
                .properties("server.port=0")
                .run();
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @BeforeEach
    void aPlant() {
        Province province = Province.reset(jdbc, redis);
        plant = province.enterprise("集群监测化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .code();
        api = new Api(http);
        t0 = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void clean() {
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void aNodeRestartedEmptyIsNoticedAndTheUnitsMarksComeBack() {
        LocalRedisCluster cluster = LocalRedisCluster.shared();
        String first = api.gasDetector("CL", plant, "UNIT-9");
        String second = api.gasDetector("CL", plant, "UNIT-9");
        assertThat(Api.firstEvent(api.taken(first, t0, 65, "%LEL"))).isEqualTo("RAISED");
        Set<String> units = redis.keys(RedisPointStates.UNIT_PREFIX + "*");
        assertThat(units).hasSize(1);
        String unit = units.iterator().next();

        cluster.restartEmpty(cluster.nodeOf(unit));
        assertThat(redis.hasKey(unit)).isFalse();
        JsonNode same = api.taken(first, t0.plusSeconds(10), 66, "%LEL");
        api.taken(second, t0.plusSeconds(15), 1, "%LEL");

        assertThat(same.path("alarms"))
                .as("still in alarm: not raised a second time")
                .isEmpty();
        Map<Object, Object> marks = redis.opsForHash().entries(unit);
        assertThat(marks)
                .as("the unit's marks are rebuilt from the open alarms in MySQL")
                .hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alarms", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void anAlarmRaisedOnOneInstanceReachesTheStreamOfAnother() throws Exception {
        String gas = api.gasDetector("CS", plant, null);
        String port = second.getEnvironment().getProperty("local.server.port");
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alarms/stream"))
                .header("Authorization", "Bearer " + TestTokens.token("duty-officer", List.of("REGULATOR"), null))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() ->
                stream.body().filter(line -> line.startsWith("data:")).forEach(line -> data.add(line.substring(5))));
        reader.setDaemon(true);
        reader.start();

        api.taken(gas, Instant.now().minus(1, ChronoUnit.MINUTES), 60, "%LEL");

        String event = data.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an alarm event on the second instance's stream").isNotNull();
        JsonNode alarm = new ObjectMapper().readTree(event);
        assertThat(alarm.path("point").asText()).isEqualTo(gas);
        assertThat(alarm.path("lastEvent").asText()).isEqualTo("RAISED");
        stream.body().close();
    }
}

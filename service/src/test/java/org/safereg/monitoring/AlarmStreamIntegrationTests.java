package org.safereg.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The alarm event stream as a console sees it: a real HTTP client reading server-sent events. */
@IntegrationTest
class AlarmStreamIntegrationTests {

    private static final String GATEWAY = TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null);
    private static final String REGULATOR = TestTokens.token("duty-officer", List.of("REGULATOR"), null);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private final List<Stream> streams = new ArrayList<>();
    private Api api;
    private String chemicals;
    private String other;
    private String gas;
    private String neighbourGas;
    private Instant t0;

    @BeforeEach
    void twoPlantsWithAGasDetectorEach() {
        Province province = Province.reset(jdbc, redis);
        chemicals =
                province.enterprise("推送化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        other = province.enterprise("隔壁化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        api = new Api(http);
        gas = Api.uniqueCode("GT");
        neighbourGas = Api.uniqueCode("GT");
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(gas, chemicals, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, "U-100"));
        api.registerPoint(
                TestTokens.policyAdmin(),
                Api.point(neighbourGas, other, "GAS_DETECTOR", "COMBUSTIBLE_GAS", "%LEL", null, null, "U-200"));
        t0 = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void closeStreamsAndRemoveRows() {
        streams.forEach(Stream::close);
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void aRegulatorsStreamReceivesTheAlarmAPostedReadingRaisesAndItsAcknowledgement() throws Exception {
        Stream regulator = open(REGULATOR);

        push(gas, 0, 55);

        Event raised = regulator.next();
        assertThat(raised.name()).isEqualTo("alarm");
        assertThat(raised.data().path("point").asText()).isEqualTo(gas);
        assertThat(raised.data().path("enterprise").asText()).isEqualTo(chemicals);
        assertThat(raised.data().path("level").asInt()).isEqualTo(2);
        assertThat(raised.data().path("colour").asText()).isEqualTo("ORANGE");
        assertThat(raised.data().path("state").asText()).isEqualTo("RAISED");
        assertThat(raised.data().path("lastEvent").asText()).isEqualTo("RAISED");
        long id = raised.data().path("id").asLong();
        assertThat(raised.id()).isEqualTo(id + ":RAISED");

        assertThat(api.post("/api/v1/alarms/" + id + "/acknowledgement", REGULATOR, null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Event acknowledged = regulator.next();
        assertThat(acknowledged.name()).isEqualTo("alarm");
        assertThat(acknowledged.data().path("id").asLong()).isEqualTo(id);
        assertThat(acknowledged.data().path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.data().path("lastEvent").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.data().path("acknowledgedBy").asText()).isEqualTo("duty-officer");
    }

    @Test
    void anEnterprisesStreamNeverReceivesAnotherEnterprisesAlarms() throws Exception {
        Stream neighbour = open(TestTokens.enterprise(other));
        Stream regulator = open(REGULATOR);

        push(gas, 0, 55);
        // the regulator has seen the first alarm, so it was published before the neighbour's own
        assertThat(regulator.next().data().path("point").asText()).isEqualTo(gas);
        push(neighbourGas, 0, 60);

        // the first alarm on the neighbour's stream is its own: the other enterprise's came earlier and was not sent
        Event first = neighbour.next();
        assertThat(first.data().path("point").asText()).isEqualTo(neighbourGas);
        assertThat(first.data().path("enterprise").asText()).isEqualTo(other);
        assertThat(regulator.next().data().path("point").asText()).isEqualTo(neighbourGas);

        long id = first.data().path("id").asLong();
        api.post("/api/v1/alarms/" + id + "/acknowledgement", TestTokens.enterprise(other), null);
        Event acknowledged = neighbour.next();
        assertThat(acknowledged.data().path("id").asLong()).isEqualTo(id);
        assertThat(acknowledged.data().path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.data().path("acknowledgedBy").asText()).isEqualTo("enterprise-" + other);
    }

    @Test
    void aSensorGatewayMayNotListen() throws Exception {
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request(GATEWAY), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    private void push(String sensor, int second, double value) {
        var answer = api.post(
                "/api/v1/readings",
                GATEWAY,
                Map.of(
                        "readings",
                        List.of(Map.of(
                                "sensor",
                                sensor,
                                "at",
                                t0.plusSeconds(second).toString(),
                                "value",
                                value,
                                "unit",
                                "%LEL"))));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("alarms")).hasSize(1);
    }

    private HttpRequest request(String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alarms/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    /** Opens a stream and returns once the service has registered it (its first comment arrived). */
    private Stream open(String token) throws Exception {
        Stream stream = new Stream(request(token));
        streams.add(stream);
        assertThat(stream.subscribed.await(20, TimeUnit.SECONDS))
                .as("the stream answers with its subscription comment")
                .isTrue();
        return stream;
    }

    record Event(String name, String id, JsonNode data) {}

    /** A server-sent-events client: a thread reads the response and queues each complete event. */
    private static final class Stream {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final CountDownLatch subscribed = new CountDownLatch(1);
        private final Thread reader;
        private volatile InputStream body;

        Stream(HttpRequest request) {
            HttpClient client = HttpClient.newHttpClient();
            reader = new Thread(() -> read(client, request), "sse-test-client");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(HttpClient client, HttpRequest request) {
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() != 200) {
                    return;
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                String name = null;
                String id = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(":")) {
                        subscribed.countDown();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        events.add(new Event(name, id, JSON.readTree(data.toString())));
                        name = null;
                        id = null;
                        data.setLength(0);
                    }
                }
            } catch (IOException e) {
                // closed by the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next event; fails the test when none comes within 20 s. */
        Event next() throws InterruptedException {
            Event event = events.poll(20, TimeUnit.SECONDS);
            assertThat(event).as("an event on the stream").isNotNull();
            return event;
        }

        void close() {
            try {
                if (body != null) {
                    body.close();
                }
            } catch (IOException e) {
                // already closed
            }
            reader.interrupt();
        }
    }
}

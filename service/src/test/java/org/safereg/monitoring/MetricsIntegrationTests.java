package org.safereg.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** What an operator scrapes from /actuator/prometheus after readings raise an alarm and credit is evaluated. */
@IntegrationTest
// tests leave metrics export off unless asked
@AutoConfigureObservability(tracing = false)
class MetricsIntegrationTests {

    private static final String OPERATOR = TestTokens.token("prometheus", List.of("POLICY_VIEWER"), null);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    private Api api;
    private String gas;
    private Instant t0;

    @BeforeEach
    void aGasDetector() {
        Province province = Province.reset(jdbc, redis);
        String plant =
                province.enterprise("指标化工有限公司", "HAZARDOUS_CHEMICALS", "VALID").code();
        api = new Api(http);
        gas = api.gasDetector("GT", plant, null);
        t0 = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    @AfterEach
    void removeMonitoringRows() {
        Api.removeMonitoringRows(jdbc);
    }

    @Test
    void theEndpointNeedsATokenLikeTheOtherActuatorEndpoints() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(scrape().getHeaders().getContentType().toString()).startsWith("text/plain");
    }

    @Test
    void aReadingThatRaisesAnAlarmShowsInTheReadingsDecisionsFiringsAndLatency() {
        String before = scrape().getBody();

        JsonNode quiet = push(reading(gas, 0, 10), reading("NO-SUCH-SENSOR", 1, 10));
        JsonNode alarm = push(reading(gas, 10, 50));

        assertThat(quiet.path("rejected")).hasSize(1);
        assertThat(alarm.path("alarms").get(0).path("event").asText()).isEqualTo("RAISED");
        String after = scrape().getBody();
        String version = jdbc.queryForObject("SELECT rule_set_version FROM alarms", String.class)
                .substring(0, 12);
        // at least: a sweep of mine areas may feed derived readings meanwhile
        assertThat(increase(before, after, "safereg_readings_total", "outcome", "accepted"))
                .isGreaterThanOrEqualTo(2);
        assertThat(increase(before, after, "safereg_readings_total", "outcome", "rejected"))
                .isEqualTo(1);
        assertThat(increase(before, after, "safereg_decisions_total", "kind", "alarm", "version", version))
                .isGreaterThanOrEqualTo(2);
        assertThat(increase(before, after, "safereg_rule_firings_total", "kind", "alarm"))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "safereg_alarm_latency_seconds_count"))
                .isGreaterThanOrEqualTo(1);
        double latency = increase(before, after, "safereg_alarm_latency_seconds_sum");
        assertThat(latency).isGreaterThan(0).isLessThan(10);
        // a histogram: the bucket at +Inf holds every recorded alarm
        assertThat(value(after, "safereg_alarm_latency_seconds_bucket", "le", "+Inf"))
                .isEqualTo(value(after, "safereg_alarm_latency_seconds_count"));
    }

    @Test
    void aCreditRunShowsItsDecisionsAndTheGaugesOfJobsOutboxAndFallbacksAreThere() throws InterruptedException {
        String before = scrape().getBody();

        JsonNode job = runCreditEvaluation();

        String after = scrape().getBody();
        assertThat(job.path("state").asText()).isEqualTo("SUCCEEDED");
        String version = job.path("ruleSetVersion").asText().substring(0, 12);
        assertThat(increase(before, after, "safereg_decisions_total", "kind", "credit", "version", version))
                .isEqualTo(job.path("processed").asDouble() - job.path("failed").asDouble());
        assertThat(increase(before, after, "safereg_rule_firings_total", "kind", "credit"))
                .isPositive();
        // the run has ended: the job gauges are back at rest
        assertThat(value(after, "safereg_job_running", "job", "credit")).isZero();
        assertThat(value(after, "safereg_job_done", "job", "credit")).isZero();
        assertThat(value(after, "safereg_job_items", "job", "risk")).isZero();
        assertThat(value(after, "safereg_ready")).isEqualTo(1);
        assertThat(value(after, "safereg_tasks_outbox_pending")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "safereg_tasks_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(value(after, "safereg_redis_fallbacks_total", "copy", "credit", "reason", "stale"))
                .isGreaterThanOrEqualTo(0);
        assertThat(value(after, "safereg_redis_fallbacks_total", "copy", "point-states", "reason", "lost"))
                .isGreaterThanOrEqualTo(0);
    }

    private JsonNode runCreditEvaluation() throws InterruptedException {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.policyAdmin());
        ResponseEntity<JsonNode> started =
                http.exchange("/api/v1/credit/evaluations", HttpMethod.POST, new HttpEntity<>(headers), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            JsonNode job = http.exchange(
                            started.getHeaders().getLocation().toString(),
                            HttpMethod.GET,
                            new HttpEntity<>(headers),
                            JsonNode.class)
                    .getBody();
            if (!"RUNNING".equals(job.path("state").asText())) {
                return job;
            }
            assertThat(System.currentTimeMillis()).as("evaluated within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private ResponseEntity<String> scrape() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(OPERATOR);
        ResponseEntity<String> scraped =
                http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
        return scraped;
    }

    private JsonNode push(Object... readings) {
        ResponseEntity<JsonNode> answer =
                api.post("/api/v1/readings", Api.GATEWAY, Map.of("readings", List.of(readings)));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private Map<String, Object> reading(String sensor, double secondsAfterStart, double value) {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("sensor", sensor);
        reading.put("at", t0.plusMillis((long) (secondsAfterStart * 1000)).toString());
        reading.put("value", value);
        reading.put("unit", "%LEL");
        return reading;
    }

    private static double increase(String before, String after, String name, String... tags) {
        return value(after, name, tags) - valueOrZero(before, name, tags);
    }

    private static double valueOrZero(String scrape, String name, String... tags) {
        Double found = sum(scrape, name, tags);
        return found == null ? 0 : found;
    }

    /** The sum of the series of {@code name} that carry these tags (name, value, name, value ...). */
    private static double value(String scrape, String name, String... tags) {
        Double found = sum(scrape, name, tags);
        assertThat(found)
                .as(name + " " + String.join(",", tags) + " in the scrape")
                .isNotNull();
        return found;
    }

    private static Double sum(String scrape, String name, String... tags) {
        Double sum = null;
        for (String line : scrape.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            String labels = m.group(2) == null ? "" : m.group(2);
            boolean all = true;
            for (int i = 0; i < tags.length; i += 2) {
                all &= labels.contains(tags[i] + "=\"" + tags[i + 1] + "\"");
            }
            if (all) {
                sum = (sum == null ? 0 : sum) + Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }
}

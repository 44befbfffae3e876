package org.safereg.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.safereg.support.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The monitoring API as a gateway, a policy admin or an enterprise calls it. */
final class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestRestTemplate http;

    Api(TestRestTemplate http) {
        this.http = http;
    }

    /** Points are cached by code in the service, so every test registers codes no earlier test used. */
    static String uniqueCode(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    static Map<String, Object> point(
            String code,
            String enterprise,
            String equipmentType,
            String metric,
            String unit,
            Number rated,
            Number oel,
            String processUnit) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("code", code);
        point.put("enterprise", enterprise);
        point.put("equipmentType", equipmentType);
        point.put("equipmentId", "EQ-" + code);
        point.put("equipmentName", equipmentType + " " + code);
        point.put("processUnit", processUnit);
        point.put("metric", metric);
        point.put("unit", unit);
        point.put("ratedLimit", rated);
        point.put("oel", oel);
        return point;
    }

    static void removeMonitoringRows(JdbcTemplate jdbc) {
        for (String table : new String[] {"alarm_events", "alarms", "monitoring_points"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    static final String GATEWAY = TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null);

    /** Registers a combustible-gas detector (%LEL) of {@code enterprise}, on {@code processUnit} if given. */
    String gasDetector(String prefix, String enterprise, String processUnit) {
        return detector(prefix, enterprise, "COMBUSTIBLE_GAS", "%LEL", processUnit);
    }

    String detector(String prefix, String enterprise, String metric, String unit, String processUnit) {
        String code = uniqueCode(prefix);
        ResponseEntity<JsonNode> registered = registerPoint(
                TestTokens.policyAdmin(),
                point(code, enterprise, "GAS_DETECTOR", metric, unit, null, null, processUnit));
        if (registered.getStatusCode() != HttpStatus.CREATED) {
            throw new AssertionError("the point was not registered: " + registered.getBody());
        }
        return code;
    }

    /** One reading sent by the gateway, as the service answers it. */
    ResponseEntity<JsonNode> reading(String sensor, Instant at, double value, String unit) {
        return post(
                "/api/v1/readings",
                GATEWAY,
                Map.of(
                        "readings",
                        List.of(Map.of("sensor", sensor, "value", value, "unit", unit, "at", at.toString()))));
    }

    /** One reading that the service must take; its answer. */
    JsonNode taken(String sensor, Instant at, double value, String unit) {
        ResponseEntity<JsonNode> answer = reading(sensor, at, value, unit);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("the reading was refused: " + answer.getBody());
        }
        return answer.getBody();
    }

    /** The event of the first alarm change in a readings answer. */
    static String firstEvent(JsonNode answer) {
        return answer.path("alarms").get(0).path("event").asText();
    }

    ResponseEntity<JsonNode> registerPoint(String token, Object body) {
        return post("/api/v1/monitoring-points", token, body);
    }

    ResponseEntity<JsonNode> post(String path, String token, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), JsonNode.class);
    }

    ResponseEntity<JsonNode> postRaw(String path, String token, String body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), JsonNode.class);
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}

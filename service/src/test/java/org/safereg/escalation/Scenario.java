package org.safereg.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.safereg.support.Http;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** What escalation tests set up through the API: a gas detector in alarm, an overdue hazard. */
final class Scenario {

    static final String GATEWAY = TestTokens.token("gateway-1", List.of("SENSOR_GATEWAY"), null);
    static final String REGULATOR = TestTokens.token("duty-officer", List.of("REGULATOR"), null);
    static final String INSPECTOR = TestTokens.token("inspector-7", List.of("INSPECTOR"), null);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Http http;
    private final JdbcTemplate jdbc;

    Scenario(Http http, JdbcTemplate jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** Registers a combustible-gas detector of the enterprise and raises a level-2 alarm on it at {@code at}. */
    long level2Alarm(Province.Enterprise enterprise, Instant at) {
        String code = gasDetector(enterprise);
        JsonNode result = reading(code, at, 55);
        if (result.path("alarms").size() != 1) {
            throw new AssertionError("the reading raised no alarm: " + result);
        }
        return alarmOf(code);
    }

    long alarmOf(String point) {
        return jdbc.queryForObject(
                "SELECT MAX(a.id) FROM alarms a JOIN monitoring_points p ON p.id = a.point_id WHERE p.code = ?",
                Long.class,
                point);
    }

    JsonNode reading(String point, Instant at, double value) {
        Map<String, Object> reading = Map.of("sensor", point, "at", at.toString(), "value", value, "unit", "%LEL");
        return require(http.post("/api/v1/readings", GATEWAY, Map.of("readings", List.of(reading))), HttpStatus.OK)
                .getBody();
    }

    String gasDetector(Province.Enterprise enterprise) {
        String code = "ESC-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("code", code);
        point.put("enterprise", enterprise.code());
        point.put("equipmentType", "GAS_DETECTOR");
        point.put("equipmentId", "EQ-" + code);
        point.put("equipmentName", "可燃气体探测器 " + code);
        point.put("metric", "COMBUSTIBLE_GAS");
        point.put("unit", "%LEL");
        require(http.post("/api/v1/monitoring-points", TestTokens.policyAdmin(), point), HttpStatus.CREATED);
        return code;
    }

    long majorHazard(Province.Enterprise enterprise, LocalDate found, LocalDate deadline) {
        return require(
                        http.post(
                                "/api/v1/hazards",
                                INSPECTOR,
                                """
                                {"enterprise": "%s", "source": "DEPARTMENT_VERIFICATION", "grade": "MAJOR",
                                 "description": "未定期检测", "foundOn": "%s", "deadline": "%s"}
                                """
                                        .formatted(enterprise.code(), found, deadline)),
                        HttpStatus.CREATED)
                .getBody()
                .path("id")
                .asLong();
    }

    ResponseEntity<JsonNode> acknowledge(long alarmId) {
        return http.post("/api/v1/alarms/" + alarmId + "/acknowledgement", REGULATOR, null);
    }

    private static ResponseEntity<JsonNode> require(ResponseEntity<JsonNode> response, HttpStatus status) {
        if (response.getStatusCode() != status) {
            throw new AssertionError(
                    "expected " + status + " but got " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }
}

package org.safereg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.safereg.support.TestTokens;

/**
 * HTTP for the load generators in scripts/: JSON calls with a bearer token signed by the test key (the
 * scripts start the service trusting its public half), only ever to this machine.
 */
public final class LoadClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code base} itself, when it names 127.0.0.1 or localhost; load is never sent anywhere else. */
    public static String local(String base) {
        String host = URI.create(base).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("load is only ever sent to 127.0.0.1 or localhost, not " + base);
        }
        return base;
    }

    public static String token(String subject, String role) {
        return TestTokens.token(subject, List.of(role), null);
    }

    public HttpClient http() {
        return http;
    }

    /** A JSON call; anything but a 2xx answer is an exception with the status and the problem. */
    public JsonNode send(String method, String url, String token, String body) {
        HttpResponse<String> response = exchange(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body)),
                method,
                url,
                token);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        }
    }

    /** Sends a request that answers 202 Accepted; answers its Location (the job to follow). */
    public String accepted(String method, String url, String token) {
        HttpResponse<String> response = exchange(
                HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()),
                method,
                url,
                token);
        if (response.statusCode() != 202) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request, String method, String url, String token) {
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(180))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads one rule file as a new rule-set version (multipart, as policy staff do); answers the version. */
    public JsonNode uploadRuleFile(String base, String token, String filename, byte[] content, String comment) {
        String boundary = "safereg-load-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\n" + comment
                        + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/rule-sets"))
                .timeout(Duration.ofSeconds(180))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("upload of " + filename + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a combustible-gas detector (%LEL) of {@code enterprise} under {@code code}. */
    public void registerGasDetector(String base, String token, String enterprise, String code) {
        var point = JSON.createObjectNode();
        point.put("code", code);
        point.put("enterprise", enterprise);
        point.put("equipmentType", "GAS_DETECTOR");
        point.put("equipmentId", "E-" + code);
        point.put("equipmentName", "load " + code);
        point.put("processUnit", "U-" + code);
        point.put("metric", "COMBUSTIBLE_GAS");
        point.put("unit", "%LEL");
        send("POST", base + "/api/v1/monitoring-points", token, point.toString());
    }

    /** An enterprise of the generated province, once the service has evaluated one. */
    public String anEnterprise(String base, String token) throws InterruptedException {
        for (int attempt = 0; attempt < 240; attempt++) {
            JsonNode page = send("GET", base + "/api/v1/credit/enterprises?limit=1", token, null);
            if (page.path("items").size() > 0) {
                return page.path("items").get(0).path("creditCode").asText();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service has no evaluated enterprise yet");
    }

    /** The percentile of nanosecond durations, in milliseconds; {@code sorted} ascending. */
    public static double percentileMillis(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}

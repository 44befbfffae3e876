package org.safereg.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end load on a running SafeReg (scripts/load-readings.sh starts one on MariaDB and Redis):
 * sustained readings/s through HTTP batches, then, at a fixed rate, the time from a reading's arrival
 * to its alarm on the server-sent-events stream. Only ever aimed at 127.0.0.1; bounded in time.
 */
public final class ReadingsLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final PrivateKey key;
    private final Map<String, Long> lastAt = new ConcurrentHashMap<>();

    private ReadingsLoad(String base, PrivateKey key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!URI.create(base).getHost().equals("127.0.0.1")
                && !URI.create(base).getHost().equals("localhost")) {
            throw new IllegalArgumentException("load is only ever sent to 127.0.0.1 or localhost");
        }
        PrivateKey key = readKey(Path.of(args[1]));
        int seconds = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        new ReadingsLoad(base, key).run(seconds, rate);
    }

    private void run(int seconds, int rate) throws Exception {
        String admin = token("load-admin", "POLICY_ADMIN");
        String gateway = token("load-gateway", "SENSOR_GATEWAY");
        String enterprise = anEnterprise(admin);
        int normalPoints = 2_000;
        int spikePoints = rate / 500 * seconds + 100;
        System.out.printf("registering %,d points (enterprise %s)%n", normalPoints + spikePoints, enterprise);
        for (int i = 0; i < normalPoints; i++) {
            register(admin, enterprise, "LOAD-N-" + i);
        }
        for (int i = 0; i < spikePoints; i++) {
            register(admin, enterprise, "LOAD-S-" + i);
        }

        // 1. throughput: two senders, batches of 5,000 normal readings, as fast as the service takes them
        AtomicLong accepted = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t * normalPoints / 2;
            Thread sender = new Thread(() -> {
                int cursor = 0;
                while (System.nanoTime() < until) {
                    ArrayNode readings = JSON.createArrayNode();
                    for (int i = 0; i < 5_000; i++) {
                        String point = "LOAD-N-" + (offset + (cursor++ % (normalPoints / 2)));
                        readings.add(reading(point, 5 + (cursor % 15)));
                    }
                    accepted.addAndGet(post(gateway, readings).path("accepted").asLong());
                }
            });
            senders.add(sender);
            sender.start();
        }
        long started = System.nanoTime();
        for (Thread sender : senders) {
            sender.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "throughput: %,d readings accepted in %.1f s = %,.0f readings/s%n",
                accepted.get(), elapsed, accepted.get() / elapsed);

        // 2. latency at a fixed rate: batches of 500 every 100 ms, each with one reading over level 2
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Thread listener = listen(token("load-regulator", "REGULATOR"), sentAt, latencies);
        Thread.sleep(500);
        int batches = seconds * 10;
        int cursor = 0;
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        long phaseStarted = System.nanoTime();
        long next = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            ArrayNode readings = JSON.createArrayNode();
            // four slices of points in turn: batches in flight at the same time never share a point, so
            // each point's readings arrive in order
            int slice = (b % 4) * (normalPoints / 4);
            for (int i = 0; i < 499; i++) {
                readings.add(reading("LOAD-N-" + (slice + i % (normalPoints / 4)), 5 + (cursor++ % 15)));
            }
            String spike = "LOAD-S-" + b;
            readings.add(reading(spike, 60));
            sentAt.put(spike, System.nanoTime());
            // asynchronous, so that the rate holds however long one batch takes
            inFlight.add(postAsync(gateway, readings));
            next += 500L * 1_000_000_000L / rate;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        long rejected = 0;
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        Map<String, Integer> spikeAnswers = new java.util.TreeMap<>();
        for (var response : inFlight) {
            JsonNode result = JSON.readTree(response.join().body());
            rejected += result.path("rejected").size();
            result.path("rejected").forEach(r -> reasons.merge(r.path("reason").asText(), 1, Integer::sum));
            result.path("alarms").forEach(a -> {
                if (a.path("point").asText().startsWith("LOAD-S-")) {
                    spikeAnswers.merge(
                            a.path("event").asText() + " level "
                                    + a.path("level").asInt(),
                            1,
                            Integer::sum);
                }
            });
        }
        double phaseSeconds = (System.nanoTime() - phaseStarted) / 1e9;
        System.out.printf(
                "latency phase: %,d readings sent in %.1f s (%,.0f readings/s), %d refused %s; over-level-2"
                        + " readings answered with %s%n",
                batches * 500L, phaseSeconds, batches * 500 / phaseSeconds, rejected, reasons, spikeAnswers);
        Thread.sleep(1_000);
        listener.interrupt();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "latency at %,d readings/s: %d of %d alarms seen on the stream; reading-to-alarm p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n",
                rate,
                sorted.size(),
                batches,
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private Thread listen(String token, Map<String, Long> sentAt, List<Long> latencies) {
        Thread thread = new Thread(() -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/alarms/stream"))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream")
                        .build();
                HttpResponse<java.io.InputStream> response =
                        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            long now = System.nanoTime();
                            JsonNode alarm = JSON.readTree(line.substring(5));
                            Long sent = sentAt.remove(alarm.path("point").asText());
                            if (sent != null) {
                                latencies.add(now - sent);
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (!Thread.currentThread().isInterrupted()) {
                    System.out.println("stream ended: " + e);
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private ObjectNode reading(String point, double value) {
        long now = System.currentTimeMillis();
        long at = lastAt.merge(point, now, (previous, current) -> Math.max(previous + 1, current));
        ObjectNode reading = JSON.createObjectNode();
        reading.put("sensor", point);
        reading.put("at", Instant.ofEpochMilli(at).toString());
        reading.put("value", value);
        reading.put("unit", "%LEL");
        return reading;
    }

    private JsonNode post(String token, ArrayNode readings) {
        ObjectNode body = JSON.createObjectNode();
        body.set("readings", readings);
        return send("POST", "/api/v1/readings", token, body.toString());
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(String token, ArrayNode readings) {
        ObjectNode body = JSON.createObjectNode();
        body.set("readings", readings);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/readings"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private void register(String token, String enterprise, String code) {
        ObjectNode point = JSON.createObjectNode();
        point.put("code", code);
        point.put("enterprise", enterprise);
        point.put("equipmentType", "GAS_DETECTOR");
        point.put("equipmentId", "E-" + code);
        point.put("equipmentName", "load " + code);
        point.put("processUnit", "U-" + code);
        point.put("metric", "COMBUSTIBLE_GAS");
        point.put("unit", "%LEL");
        send("POST", "/api/v1/monitoring-points", token, point.toString());
    }

    private String anEnterprise(String token) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            JsonNode page = send("GET", "/api/v1/credit/enterprises?limit=1", token, null);
            if (page.path("items").size() > 0) {
                return page.path("items").get(0).path("creditCode").asText();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service has no evaluated enterprise to attach points to");
    }

    private JsonNode send(String method, String path, String token, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
            request.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String subject, String role) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .claim("roles", List.of(role))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static PrivateKey readKey(Path pem) throws Exception {
        String text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }
}

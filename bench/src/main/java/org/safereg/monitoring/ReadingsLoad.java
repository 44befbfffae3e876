package org.safereg.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.safereg.bench.LoadClient;

/**
 * End-to-end load on a running SafeReg (scripts/load-readings.sh starts one on MariaDB and Redis):
 * sustained readings/s through HTTP batches, then, at a fixed rate, the time from a reading's arrival
 * to its alarm on the server-sent-events stream. Only ever aimed at 127.0.0.1; bounded in time.
 */
public final class ReadingsLoad {

    private static final ObjectMapper JSON = LoadClient.JSON;
    private final LoadClient client = new LoadClient();
    private final HttpClient http = client.http();
    private final String base;
    private final Map<String, Long> lastAt = new ConcurrentHashMap<>();

    private ReadingsLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = LoadClient.local(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        new ReadingsLoad(base).run(seconds, rate);
    }

    private void run(int seconds, int rate) throws Exception {
        String admin = LoadClient.token("load-admin", "POLICY_ADMIN");
        String gateway = LoadClient.token("load-gateway", "SENSOR_GATEWAY");
        String enterprise = client.anEnterprise(base, admin);
        int normalPoints = 2_000;
        int spikePoints = rate / 500 * seconds + 100;
        System.out.printf("registering %,d points (enterprise %s)%n", normalPoints + spikePoints, enterprise);
        for (int i = 0; i < normalPoints; i++) {
            client.registerGasDetector(base, admin, enterprise, "LOAD-N-" + i);
        }
        for (int i = 0; i < spikePoints; i++) {
            client.registerGasDetector(base, admin, enterprise, "LOAD-S-" + i);
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
        Thread listener = listen(LoadClient.token("load-regulator", "REGULATOR"), sentAt, latencies);
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
                LoadClient.percentileMillis(sorted, 50),
                LoadClient.percentileMillis(sorted, 99),
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

    private JsonNode send(String method, String path, String token, String body) {
        return client.send(method, base + path, token, body);
    }
}

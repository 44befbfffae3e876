package org.safereg.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safereg.bench.LoadClient;
import org.safereg.support.TestTokens;

/**
 * Activations under load on two running SafeReg instances that share MariaDB and Redis
 * (scripts/load-activations.sh starts them): readers and sensor gateways keep calling both instances
 * while a policy admin activates two versions in turn on the first one, N times. Reports every request
 * that failed, the time from an activation request until both instances answer with the new version,
 * and each instance's heap (after a full GC) after the first activation and after the last. Only ever
 * aimed at 127.0.0.1; bounded by the number of activations.
 */
public final class ActivationLoad {

    private static final ObjectMapper JSON = LoadClient.JSON;
    private static final long SETTLE_MILLIS = 5_000;
    // the last line of GC.class_histogram: all live objects after the full collection it makes
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)", Pattern.MULTILINE);
    // a line of GC.class_histogram: rank, instances, bytes, class name
    private static final Pattern HISTOGRAM_LINE =
            Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);

    private final LoadClient client = new LoadClient();
    private final HttpClient http = client.http();
    private final String[] bases;
    private final String admin = TestTokens.token("load-admin", List.of("POLICY_ADMIN"), null);
    private final String reader = TestTokens.token("load-regulator", List.of("REGULATOR"), null);
    private final String gateway = TestTokens.token("load-gateway", List.of("SENSOR_GATEWAY"), null);
    private final Map<String, Long> lastAt = new ConcurrentHashMap<>();

    private ActivationLoad(String[] bases) {
        this.bases = bases;
    }

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        String[] pids = args[1].split(",");
        int activations = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        for (String base : bases) {
            LoadClient.local(base);
        }
        new ActivationLoad(bases).run(pids, activations, threads);
    }

    private void run(String[] pids, int activations, int threads) throws Exception {
        String first = activeVersion();
        String second = uploadVariant(first);
        List<String> enterprises = enterprises();
        int points = 200;
        for (int i = 0; i < points; i++) {
            client.registerGasDetector(bases[0], admin, enterprises.get(0), "ACT-" + i);
        }
        System.out.printf(
                "versions %s (active) and %s; %d enterprises read, %d points fed, %d load threads on %d instances%n",
                first.substring(0, 12), second.substring(0, 12), enterprises.size(), points, threads, bases.length);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        Map<String, Long> failures = new TreeMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    String base = bases[(thread + i) % bases.length];
                    String code = enterprises.get(i % enterprises.size());
                    HttpRequest request =
                            switch (i % 3) {
                                case 0 -> get(base, "/api/v1/enterprises/" + code + "/credit", reader);
                                case 1 -> get(base, "/api/v1/enterprises/" + code + "/risk", reader);
                                default -> readings(base, thread, i, points);
                            };
                    long started = System.nanoTime();
                    String failure = null;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 300) {
                            failure = request.method() + " "
                                    + request.uri().getPath().replaceAll("/[0-9A-Z]{18}/", "/{code}/") + " -> "
                                    + response.statusCode();
                        } else if (i % 3 == 2
                                && JSON.readTree(response.body())
                                                .path("rejected")
                                                .size()
                                        > 0) {
                            failure = "readings refused: "
                                    + JSON.readTree(response.body())
                                            .path("rejected")
                                            .get(0)
                                            .path("reason")
                                            .asText();
                        }
                    } catch (IOException e) {
                        failure = request.method() + " " + request.uri().getPath() + " -> " + e;
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies.add(System.nanoTime() - started);
                    requests.incrementAndGet();
                    if (failure != null) {
                        synchronized (failures) {
                            failures.merge(failure, 1L, Long::sum);
                        }
                    }
                    i++;
                }
            });
            worker.start();
            load.add(worker);
        }

        Thread.sleep(3_000);
        List<Long> propagation = new ArrayList<>();
        List<Long> following = new ArrayList<>();
        long[][] heapAfterFirst = null;
        List<Map<String, Long>> bytesAfterFirst = new ArrayList<>();
        List<Map<String, Long>> bytesAfterLast = new ArrayList<>();
        long loadStarted = System.nanoTime();
        for (int a = 1; a <= activations; a++) {
            String version = a % 2 == 1 ? second : first;
            long started = System.nanoTime();
            JsonNode answer = send(
                    "POST",
                    bases[0],
                    "/api/v1/rule-sets/" + version + "/activation",
                    admin,
                    "{\"reason\":\"activation load " + a + "\"}");
            if (!answer.path("active").asBoolean()) {
                throw new IllegalStateException("activation " + a + " answered " + answer);
            }
            long answered = System.nanoTime();
            for (String base : bases) {
                awaitVersion(base, version);
            }
            long everywhere = System.nanoTime();
            propagation.add(everywhere - started);
            following.add(everywhere - answered);
            if (a == 1) {
                // the re-evaluation an activation starts holds pages of facts while it runs: let it finish
                Thread.sleep(SETTLE_MILLIS);
                heapAfterFirst = heaps(pids, bytesAfterFirst);
            }
        }
        double activationSeconds = (System.nanoTime() - loadStarted) / 1e9 - SETTLE_MILLIS / 1e3;
        Thread.sleep(SETTLE_MILLIS);
        long[][] heapAfterLast = heaps(pids, bytesAfterLast);
        running.set(false);
        for (Thread worker : load) {
            worker.join();
        }

        Collections.sort(propagation);
        Collections.sort(following);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
                "%d activations in %.1f s; activation request to every instance serving it: p50 %.0f ms, p95 %.0f"
                        + " ms, max %.0f ms%n",
                activations,
                activationSeconds,
                LoadClient.percentileMillis(propagation, 50),
                LoadClient.percentileMillis(propagation, 95),
                propagation.get(propagation.size() - 1) / 1e6);
        System.out.printf(
                "from the activating instance's answer until the other instances serve it: p50 %.0f ms, p95 %.0f"
                        + " ms, max %.0f ms%n",
                LoadClient.percentileMillis(following, 50),
                LoadClient.percentileMillis(following, 95),
                following.get(following.size() - 1) / 1e6);
        System.out.printf(
                "load during the activations: %,d requests, %d failed %s; latency p50 %.1f ms, p99 %.1f ms, max"
                        + " %.1f ms%n",
                requests.get(),
                failed,
                failures,
                LoadClient.percentileMillis(sorted, 50),
                LoadClient.percentileMillis(sorted, 99),
                sorted.get(sorted.size() - 1) / 1e6);
        for (int i = 0; i < pids.length; i++) {
            System.out.printf(
                    "instance %d after a full GC: live heap %,d KiB after 1 activation, %,d KiB after %d; live rules %,d"
                            + " and %,d; live KIE class loaders %,d and %,d%n",
                    i + 1,
                    heapAfterFirst[i][0],
                    heapAfterLast[i][0],
                    activations,
                    heapAfterFirst[i][1],
                    heapAfterLast[i][1],
                    heapAfterFirst[i][2],
                    heapAfterLast[i][2]);
            Map<String, Long> sampled = bytesAfterFirst.get(i);
            String growth = bytesAfterLast.get(i).entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - sampled.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(6)
                    .map(e -> e.getKey() + " +" + e.getValue() / 1024 + " KiB")
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("none");
            System.out.printf("  instance %d grew most in: %s%n", i + 1, growth);
        }
    }

    private String activeVersion() {
        for (JsonNode version : send("GET", bases[0], "/api/v1/rule-sets?limit=1000", admin, null)) {
            if (version.path("active").asBoolean()) {
                return version.path("version").asText();
            }
        }
        throw new IllegalStateException("no rule-set version is active");
    }

    /** The active version with one comment line added to a DRL file: a second version that decides the same. */
    private String uploadVariant(String active) throws Exception {
        String path = "rules/credit-vetoes.drl";
        HttpResponse<byte[]> file = http.send(
                HttpRequest.newBuilder(URI.create(bases[0] + "/api/v1/rule-sets/" + active + "/files/" + path))
                        .header("Authorization", "Bearer " + admin)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] content = (new String(file.body(), StandardCharsets.UTF_8) + "\n// activation load variant\n")
                .getBytes(StandardCharsets.UTF_8);
        return client.uploadRuleFile(bases[0], admin, "credit-vetoes.drl", content, "activation load")
                .path("version")
                .asText();
    }

    private List<String> enterprises() throws InterruptedException {
        for (int attempt = 0; attempt < 240; attempt++) {
            JsonNode page = send("GET", bases[0], "/api/v1/risk/enterprises?limit=100", reader, null);
            if (page.path("items").size() > 0) {
                List<String> codes = new ArrayList<>();
                page.path("items").forEach(e -> codes.add(e.path("creditCode").asText()));
                return codes;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service has no enterprise with a risk level yet");
    }

    private void awaitVersion(String base, String version) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<Void> response =
                    http.send(get(base, "/api/v1/rule-sets?limit=1", admin), HttpResponse.BodyHandlers.discarding());
            if (version.equals(
                    response.headers().firstValue(RuleSetVersionHeader.HEADER).orElse(null))) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(base + " did not serve " + version + " within 120 s");
    }

    /**
     * Per instance, after a full collection (the JDK's own jcmd GC.class_histogram makes one): the live heap in
     * KiB (every live object; the "used" figure of a collector also counts space it has not given back), live
     * Drools rules and live KIE class loaders. Rules and class loaders of replaced versions that stayed reachable would show
     * here first: that is the known leak of rule engines that swap versions.
     */
    private static long[][] heaps(String[] pids, List<Map<String, Long>> bytes) throws Exception {
        long[][] found = new long[pids.length][3];
        for (int i = 0; i < pids.length; i++) {
            bytes.add(new HashMap<>());
            String histogram = jcmd(pids[i], "GC.class_histogram");
            Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
            if (!total.find()) {
                throw new IllegalStateException("jcmd GC.class_histogram gave no total for " + pids[i]);
            }
            found[i][0] = Long.parseLong(total.group(1)) / 1024;
            Matcher line = HISTOGRAM_LINE.matcher(histogram);
            while (line.find()) {
                long instances = Long.parseLong(line.group(1));
                String type = line.group(3);
                bytes.get(i).merge(type, Long.parseLong(line.group(2)), Long::sum);
                if (type.equals("org.drools.base.definitions.rule.impl.RuleImpl")) {
                    found[i][1] += instances;
                } else if (type.startsWith("org.drools.wiring.") && type.endsWith("ClassLoader")) {
                    found[i][2] += instances;
                }
            }
        }
        return found;
    }

    private static String jcmd(String pid, String command) throws Exception {
        Process process = new ProcessBuilder("jcmd", pid, command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + ": " + output);
        }
        return output;
    }

    private HttpRequest get(String base, String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .build();
    }

    private HttpRequest readings(String base, int thread, int i, int points) {
        ArrayNode readings = JSON.createArrayNode();
        // each thread feeds its own points, so that one point's readings arrive in order
        for (int r = 0; r < 50; r++) {
            String point = "ACT-" + ((thread * 50 + r) % points);
            long now = System.currentTimeMillis();
            long at = lastAt.merge(point, now, (previous, current) -> Math.max(previous + 1, current));
            ObjectNode reading = JSON.createObjectNode();
            reading.put("sensor", point);
            reading.put("at", Instant.ofEpochMilli(at).toString());
            reading.put("value", 5 + (i + r) % 15);
            reading.put("unit", "%LEL");
            readings.add(reading);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("readings", readings);
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/readings"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + gateway)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private JsonNode send(String method, String base, String path, String token, String body) {
        return client.send(method, base + path, token, body);
    }
}

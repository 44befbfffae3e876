package org.safereg.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.safereg.bench.LoadClient;
import org.safereg.support.LocalMariaDb;
import org.safereg.support.LocalPorts;

/**
 * The fault suite (scripts/faults.sh): its own MariaDB and Redis on spare ports, two SafeReg instances and a
 * steady load on both, then one fault after another: Redis killed for 60 s (and back empty), MariaDB killed
 * for 30 s, an instance killed right after an activation, an instance killed during a credit run. Per
 * fault it prints failed requests by status, the longest wait, the seconds until both instances serve
 * again, alarms and tasks lost or duplicated (counted from MySQL and the stream), and whether credit and
 * risk ended on the version in force; it exits 1 when a target is missed. Traffic goes to 127.0.0.1 only.
 */
public final class FaultSuite {

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(3);
    private static final String GATEWAY = LoadClient.token("fault-gateway", "SENSOR_GATEWAY");
    private static final String REGULATOR = LoadClient.token("fault-duty", "REGULATOR");
    private static final String ADMIN = LoadClient.token("fault-admin", "POLICY_ADMIN");
    private static final int POINTS = 40;

    private final Path home;
    private final String jar;
    private final String publicKey;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final LoadClient client = new LoadClient();
    private final int[] ports;
    private final Process[] instances = new Process[2];
    /** As a load balancer sees them: an instance is routed to only while it is ready. */
    private final boolean[] routable = {false, false};

    private final LocalMariaDb mariadb;
    private final int mariadbPort;
    private final int redisPort;
    private Process redis;

    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, String> examples = new ConcurrentHashMap<>();
    private final AtomicLong longestNanos = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger creditReadsFailed = new AtomicInteger();
    private final AtomicInteger creditReads = new AtomicInteger();
    /** point code → episodes the service answered RAISED for, with how often. */
    private final Map<String, Map<Long, Integer>> raisedAnswers = new ConcurrentHashMap<>();

    private final AtomicBoolean loading = new AtomicBoolean();
    private final List<Thread> load = new ArrayList<>();
    private final List<String> enterprises = new ArrayList<>();
    private final List<String> summaries = new ArrayList<>();
    private boolean missed;

    private FaultSuite(Path home, String jar, String publicKey) throws IOException {
        this.home = home;
        this.jar = jar;
        this.publicKey = publicKey;
        this.ports = new int[] {LocalPorts.free(), LocalPorts.free()};
        this.mariadbPort = LocalPorts.free();
        this.redisPort = LocalPorts.free();
        this.mariadb = LocalMariaDb.prepare(home.resolve("mariadb"), mariadbPort);
    }

    public static void main(String[] args) throws Exception {
        FaultSuite suite = new FaultSuite(Path.of(args[0]).toAbsolutePath(), args[1], args[2]);
        try {
            suite.run();
        } finally {
            suite.stopAll();
        }
        System.exit(suite.missed ? 1 : 0);
    }

    private void run() throws Exception {
        mariadb.start();
        startRedis();
        startInstance(0, true);
        startInstance(1, false);
        String base = base(0);
        enterprises.addAll(enterprisesOf(base));
        for (int i = 0; i < POINTS; i++) {
            client.registerGasDetector(base, ADMIN, enterprises.get(i % enterprises.size()), "FS-" + i);
        }
        System.out.printf(
                "fault suite: MariaDB on %d, Redis on %d, SafeReg on %d and %d; %d enterprises, %d gas points%n",
                mariadbPort, redisPort, ports[0], ports[1], enterprises.size(), POINTS);
        startLoad();
        // the first seconds after start-up are the JIT's: warm up before anything is measured
        Thread.sleep(20_000);
        phase("baseline (no fault)", () -> Thread.sleep(15_000));
        phase("Redis killed for 60 s, back empty", () -> {
            killRedis();
            Thread.sleep(60_000);
            startRedis();
        });
        phase("MariaDB killed for 30 s", () -> {
            mariadb.kill();
            Thread.sleep(30_000);
            mariadb.start();
        });
        phase("instance 1 killed right after an activation", () -> {
            String version = uploadVariant();
            send(
                    "POST",
                    base(0) + "/api/v1/rule-sets/" + version + "/activation",
                    ADMIN,
                    "{\"reason\":\"fault suite\"}");
            killInstance(0);
            Thread.sleep(5_000);
            startInstance(0, false);
        });
        phase("instance 2 killed during a credit run", () -> {
            send("POST", base(1) + "/api/v1/credit/evaluations", ADMIN, null);
            Thread.sleep(300);
            killInstance(1);
            Thread.sleep(5_000);
            startInstance(1, false);
        });
        stopLoad();
        System.out.println();
        summaries.forEach(System.out::println);
        System.out.println(missed ? "fault suite: a target was missed" : "fault suite: every target met");
    }

    private interface Fault {
        void inject() throws Exception;
    }

    /** Injects a fault under load, waits for recovery and settling, then counts what was lost. */
    private void phase(String name, Fault fault) throws Exception {
        failures.clear();
        examples.clear();
        longestNanos.set(0);
        requests.set(0);
        creditReads.set(0);
        creditReadsFailed.set(0);
        long started = System.nanoTime();
        fault.inject();
        long injected = System.nanoTime();
        double recovery = awaitServing() ? (System.nanoTime() - injected) / 1e9 : -1;
        boolean settled = awaitSettled(Duration.ofSeconds(120));
        Counts alarms = countAlarms();
        Counts tasks = countTasks();
        Versions versions = versions();
        double longest = longestNanos.get() / 1e6;
        Map<String, Integer> failed = new TreeMap<>();
        failures.forEach((status, count) -> failed.put(status, count.get()));
        boolean met = alarms.lost == 0
                && alarms.duplicated == 0
                && tasks.lost == 0
                && tasks.duplicated == 0
                && longest <= LONGEST_WAIT.toMillis()
                && recovery >= 0
                && versions.onActive()
                && (!name.startsWith("MariaDB") || creditReadsFailed.get() == 0);
        missed |= !met;
        System.out.printf(
                "%n== %s (%.0f s)%n  requests %d, failed by status %s, longest wait %.0f ms%n"
                        + "  credit/risk reads %d, failed %d%n  both instances ready %.1f s after the store or instance was back%s%n"
                        + "  alarms: %d raised answers, lost %d, duplicated %d, open twice %d%n"
                        + "  tasks: %d in MySQL, %d delivered, on the stream %d, lost %d, duplicated %d%n"
                        + "  decisions on the version in force %s: credit %d of %d, risk %d of %d%n",
                name,
                (System.nanoTime() - started) / 1e9,
                requests.get(),
                failed,
                longest,
                creditReads.get(),
                creditReadsFailed.get(),
                recovery,
                settled ? "" : " (did not settle in 120 s)",
                alarms.seen,
                alarms.lost,
                alarms.duplicated,
                alarms.openTwice,
                tasks.seen,
                tasks.delivered,
                tasks.onStream,
                tasks.lost,
                tasks.duplicated,
                versions.active.substring(0, 12),
                versions.creditOn,
                versions.credit,
                versions.riskOn,
                versions.risk);
        examples.forEach((status, example) -> System.out.printf("  e.g. %s: %s%n", status, example));
        summaries.add(String.format(
                "%-46s %s  failed %-22s longest %6.0f ms  recovery %5.1f s  alarms lost %d dup %d  tasks lost %d dup %d"
                        + "  on version %s",
                name,
                met ? "MET   " : "MISSED",
                failed,
                longest,
                recovery,
                alarms.lost,
                alarms.duplicated,
                tasks.lost,
                tasks.duplicated,
                versions.onActive() ? "yes" : "no"));
    }

    // ---- load ----

    private void startLoad() {
        loading.set(true);
        for (int i = 0; i < 2; i++) {
            int instance = i;
            load.add(started("readings-" + i, () -> readings(instance)));
            load.add(started("reads-" + i, () -> reads(instance)));
        }
        load.add(started("acknowledgements", this::acknowledgements));
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void stopLoad() throws InterruptedException {
        loading.set(false);
        for (Thread thread : load) {
            thread.join(10_000);
        }
    }

    /** Each point in turn goes into alarm (65 %LEL) and back (5 %LEL), readings a second apart. */
    private void readings(int instance) {
        long step = 0;
        while (loading.get()) {
            step++;
            List<String> batch = new ArrayList<>();
            Instant at = Instant.now().minusMillis(500);
            for (int p = instance; p < POINTS; p += 2) {
                double value = ((step + p) / 3) % 2 == 0 ? 65 : 5;
                batch.add(
                        "{\"sensor\":\"FS-%d\",\"value\":%s,\"unit\":\"%%LEL\",\"at\":\"%s\"}".formatted(p, value, at));
            }
            Answer answer = call(
                    "POST",
                    base(route(instance)) + "/api/v1/readings",
                    GATEWAY,
                    "{\"readings\":[" + String.join(",", batch) + "]}");
            if (answer.ok()) {
                for (JsonNode change : answer.body().path("alarms")) {
                    if ("RAISED".equals(change.path("event").asText())) {
                        raisedAnswers
                                .computeIfAbsent(change.path("point").asText(), k -> new ConcurrentHashMap<>())
                                .merge(change.path("episode").asLong(), 1, Integer::sum);
                    }
                }
            }
            pause(1000);
        }
    }

    private void reads(int instance) {
        while (loading.get()) {
            String code = enterprises.get(ThreadLocalRandom.current().nextInt(enterprises.size()));
            for (String what : List.of("credit", "risk")) {
                Answer answer = call(
                        "GET", base(route(instance)) + "/api/v1/enterprises/" + code + "/" + what, REGULATOR, null);
                creditReads.incrementAndGet();
                if (!answer.ok()) {
                    creditReadsFailed.incrementAndGet();
                }
            }
            pause(200);
        }
    }

    private void acknowledgements() {
        int turn = 0;
        while (loading.get()) {
            Answer open =
                    call("GET", base(route(turn++ % 2)) + "/api/v1/alarms?state=RAISED&limit=20", REGULATOR, null);
            if (open.ok()) {
                for (JsonNode alarm : open.body().path("items")) {
                    call(
                            "POST",
                            base(route(turn % 2)) + "/api/v1/alarms/"
                                    + alarm.path("id").asLong() + "/acknowledgement",
                            REGULATOR,
                            null);
                }
            }
            pause(2000);
        }
    }

    private record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** One request of the load: its status and wait are counted; a 409 (the state moved on) is no failure. */
    private Answer call(String method, String url, String token, String body) {
        requests.incrementAndGet();
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 300 && status != 409) {
                failures.computeIfAbsent(String.valueOf(status), s -> new AtomicInteger())
                        .incrementAndGet();
                examples.putIfAbsent(
                        String.valueOf(status),
                        method + " " + URI.create(url).getPath() + " -> "
                                + response.body()
                                        .substring(
                                                0, Math.min(200, response.body().length())));
            }
            JsonNode parsed =
                    response.body().isEmpty() ? LoadClient.JSON.nullNode() : LoadClient.JSON.readTree(response.body());
            return new Answer(status, parsed);
        } catch (IOException e) {
            // an instance being killed or restarting: the connection is refused, which is no wait
            failures.computeIfAbsent("refused", s -> new AtomicInteger()).incrementAndGet();
            return new Answer(0, LoadClient.JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, LoadClient.JSON.nullNode());
        } finally {
            longestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
        }
    }

    // ---- recovery and accounting ----

    private boolean awaitServing() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (ready(0) && ready(1)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private boolean ready(int instance) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(base(instance) + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deferred alarm transitions written, the outbox relayed, jobs done, decisions on the version in force. */
    private boolean awaitSettled(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Versions versions = versions();
            long deferred = deferred();
            long undelivered = single("SELECT COUNT(*) FROM task_outbox WHERE delivered_at IS NULL");
            long running = single("SELECT COUNT(*) FROM credit_jobs WHERE state = 'RUNNING'")
                    + single("SELECT COUNT(*) FROM risk_runs WHERE state = 'RUNNING'");
            // what the service repairs by itself (a lost task stream, deferred alarms) counts as lost only if
            // it is still missing once the service had the time to repair it
            boolean repaired = countTasks().lost == 0 && countAlarms().lost == 0;
            if (versions.onActive() && deferred == 0 && undelivered == 0 && running == 0 && repaired) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /**
     * Alarm transitions still deferred, plus one for each read model still stale, on both instances: what
     * the service still has to repair. Read from health, outside the load's accounting.
     */
    private long deferred() {
        long total = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode components = health(i).path("components");
            total += components
                    .path("alarmRecording")
                    .path("details")
                    .path("deferredTransitions")
                    .asLong(0);
            for (String model : List.of("creditReadModel", "riskReadModel")) {
                if (components.path(model).path("details").path("stale").asBoolean(true)) {
                    total++;
                }
            }
        }
        return total;
    }

    private JsonNode health(int instance) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base(instance) + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return LoadClient.JSON.readTree(response.body());
        } catch (IOException e) {
            return LoadClient.JSON.nullNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LoadClient.JSON.nullNode();
        }
    }

    private record Counts(long seen, long lost, long duplicated, long openTwice, long delivered, long onStream) {}

    private Counts countAlarms() throws Exception {
        Map<String, Set<Long>> stored = new HashMap<>();
        long openTwice;
        try (Connection db = db();
                Statement statement = db.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT p.code, a.episode FROM alarms a JOIN monitoring_points p ON p.id = a.point_id")) {
                while (rows.next()) {
                    stored.computeIfAbsent(rows.getString(1), k -> new HashSet<>())
                            .add(rows.getLong(2));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT COUNT(*) FROM (SELECT point_id FROM alarms WHERE state IN ('RAISED', 'ACKNOWLEDGED')"
                            + " GROUP BY point_id HAVING COUNT(*) > 1) twice")) {
                rows.next();
                openTwice = rows.getLong(1);
            }
        }
        long seen = 0;
        long lost = 0;
        long duplicated = 0;
        for (var point : raisedAnswers.entrySet()) {
            for (var episode : point.getValue().entrySet()) {
                seen += episode.getValue();
                if (!stored.getOrDefault(point.getKey(), Set.of()).contains(episode.getKey())) {
                    lost++;
                }
                if (episode.getValue() > 1) {
                    duplicated += episode.getValue() - 1;
                }
            }
        }
        return new Counts(seen, lost, duplicated + openTwice, openTwice, 0, 0);
    }

    /** Tasks in MySQL against the stream: delivered but absent is lost, a task id twice is duplicated. */
    private Counts countTasks() throws Exception {
        long tasks = single("SELECT COUNT(*) FROM enforcement_tasks");
        Set<String> delivered = new HashSet<>();
        try (Connection db = db();
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT task_id FROM task_outbox WHERE event = 'CREATED' AND delivered_at IS NOT NULL")) {
            while (rows.next()) {
                delivered.add(rows.getString(1));
            }
        }
        Map<String, Integer> onStream = new HashMap<>();
        String[] lines = redisCli("XRANGE", "safereg:tasks", "-", "+").split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].trim().equals("taskId")) {
                onStream.merge(lines[i + 1].trim(), 1, Integer::sum);
            }
        }
        long lost = delivered.stream().filter(id -> !onStream.containsKey(id)).count();
        long duplicated = onStream.values().stream().mapToLong(n -> n - 1).sum();
        return new Counts(tasks, lost, duplicated, 0, delivered.size(), onStream.size());
    }

    private record Versions(String active, long credit, long creditOn, long risk, long riskOn) {
        boolean onActive() {
            return credit == creditOn && risk == riskOn;
        }
    }

    private Versions versions() throws Exception {
        String active = activeVersion();
        return new Versions(
                active,
                single("SELECT COUNT(*) FROM credit_results"),
                single("SELECT COUNT(*) FROM credit_results WHERE rule_set_version = '" + active + "'"),
                single("SELECT COUNT(*) FROM risk_results"),
                single("SELECT COUNT(*) FROM risk_results WHERE rule_set_version = '" + active + "'"));
    }

    private String activeVersion() throws Exception {
        try (Connection db = db();
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version FROM rule_sets WHERE state = 'ACTIVE' ORDER BY created_at DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : "?".repeat(64);
        }
    }

    private long single(String sql) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try (Connection db = db();
                    Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            } catch (java.sql.SQLException e) {
                if (attempt == 30) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private Connection db() throws java.sql.SQLException {
        return DriverManager.getConnection(mariadb.jdbcUrl("safereg_faults"), "root", "");
    }

    // ---- the processes ----

    private void startRedis() throws IOException {
        redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        String.valueOf(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        home.toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("redis.log").toFile())
                .start();
        LocalPorts.await(redisPort, true, "Redis");
    }

    private void killRedis() throws InterruptedException {
        redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private String redisCli(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(redisPort)));
        args.addAll(List.of(command));
        Process cli = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        cli.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private void startInstance(int i, boolean seed) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "java",
                "-Xmx768m",
                "-jar",
                jar,
                "--server.port=" + ports[i],
                "--spring.datasource.url=" + mariadb.jdbcUrl("safereg_faults"),
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort,
                "--safereg.dev-tokens.enabled=false",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "--safereg.province.generate=" + (seed ? "ALWAYS" : "NEVER"),
                "--safereg.province.size=200",
                "--safereg.jobs.heartbeat=PT2S",
                "--safereg.jobs.lease=PT10S",
                "--safereg.jobs.sweep=PT5S",
                "--safereg.credit.repair-delay=PT5S",
                "--safereg.risk.repair-delay=PT5S",
                "--safereg.monitoring.repair-delay=PT2S",
                "--logging.level.root=WARN",
                "--logging.level.org.safereg=INFO"));
        instances[i] = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("instance-" + (i + 1) + ".log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!ready(i)) {
            if (System.nanoTime() > deadline || !instances[i].isAlive()) {
                throw new IllegalStateException("instance " + (i + 1) + " did not become ready; see "
                        + home.resolve("instance-" + (i + 1) + ".log"));
            }
            Thread.sleep(500);
        }
        routable[i] = true;
    }

    private int route(int instance) {
        return routable[instance] ? instance : 1 - instance;
    }

    private void killInstance(int i) throws InterruptedException {
        routable[i] = false;
        instances[i].destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private void stopAll() {
        loading.set(false);
        for (Process instance : instances) {
            if (instance != null) {
                instance.destroyForcibly();
            }
        }
        if (redis != null) {
            redis.destroyForcibly();
        }
        mariadb.kill();
    }

    // ---- helpers ----

    private List<String> enterprisesOf(String base) throws InterruptedException {
        List<String> codes = new ArrayList<>();
        for (int attempt = 0; attempt < 240 && codes.isEmpty(); attempt++) {
            JsonNode page = send("GET", base + "/api/v1/risk/enterprises?limit=100", REGULATOR, null);
            page.path("items").forEach(e -> codes.add(e.path("creditCode").asText()));
            if (codes.isEmpty()) {
                Thread.sleep(500);
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("the service has no enterprise with a risk level");
        }
        return codes;
    }

    /** A version whose decisions equal the active one's but that is a version of its own. */
    private String uploadVariant() throws Exception {
        String active = activeVersion();
        HttpResponse<byte[]> file = http.send(
                HttpRequest.newBuilder(
                                URI.create(base(0) + "/api/v1/rule-sets/" + active + "/files/rules/credit-vetoes.drl"))
                        .header("Authorization", "Bearer " + ADMIN)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] content = (new String(file.body(), StandardCharsets.UTF_8) + "\n// fault suite " + System.nanoTime()
                        + "\n")
                .getBytes(StandardCharsets.UTF_8);
        return client.uploadRuleFile(base(0), ADMIN, "credit-vetoes.drl", content, "fault suite")
                .path("version")
                .asText();
    }

    private JsonNode send(String method, String url, String token, String body) {
        return client.send(method, url, token, body);
    }

    private String base(int instance) {
        return LoadClient.local("http://127.0.0.1:" + ports[instance]);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

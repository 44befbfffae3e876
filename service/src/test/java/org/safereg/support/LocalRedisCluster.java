package org.safereg.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A Redis Cluster of three masters of the tests' own, started the way an operator would
 * ({@code redis-server --cluster-enabled yes} on each port, then {@code redis-cli --cluster create ...
 * --cluster-replicas 0}), without persistence, in a temporary directory removed at the end of the run. The
 * ports are {@code SAFEREG_TEST_REDIS_CLUSTER_PORTS} (comma separated) or 17001, 17002 and 17003; a cluster
 * already answering there is reused as it is (and left running). A test may restart one node empty
 * ({@link #restartEmpty}): it keeps its slots (its {@code nodes.conf} survives) and loses everything it held,
 * as a node restarted without persistence does. Needs {@code redis-server} and {@code redis-cli} on the PATH
 * ({@link #available}).
 */
public final class LocalRedisCluster {

    private static LocalRedisCluster shared;

    private final Path home;
    private final List<Integer> ports;
    private final Process[] processes;
    private final boolean ours;

    private LocalRedisCluster(Path home, List<Integer> ports, boolean ours) {
        this.home = home;
        this.ports = ports;
        this.processes = new Process[ports.size()];
        this.ours = ours;
    }

    /** Whether this machine can start a cluster (redis-server and redis-cli on the PATH). */
    public static boolean available() {
        return onPath("redis-server") && onPath("redis-cli");
    }

    /** One cluster for the whole test run, started (or found) on first use. */
    public static synchronized LocalRedisCluster shared() {
        if (shared == null) {
            List<Integer> ports = configuredPorts();
            boolean running = ports.stream().allMatch(LocalPorts::listening);
            if (running && clusterOk(ports)) {
                shared = new LocalRedisCluster(null, ports, false);
                return shared;
            }
            if (ports.stream().anyMatch(LocalPorts::listening)) {
                throw new IllegalStateException("ports " + ports + " are taken by something that is not a working"
                        + " Redis Cluster; set SAFEREG_TEST_REDIS_CLUSTER_PORTS to three free ports");
            }
            try {
                Path home = Files.createTempDirectory("safereg-redis-cluster");
                shared = new LocalRedisCluster(home, ports, true);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAndClean));
                shared.create();
            } catch (IOException e) {
                throw new IllegalStateException("cannot prepare a local Redis Cluster: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    public List<Integer> ports() {
        return ports;
    }

    /** host:port of every node, as {@code spring.data.redis.cluster.nodes} takes them. */
    public String nodes() {
        return ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** The node (0, 1, 2) that serves a key's slot. */
    public int nodeOf(String key) {
        String answer = cli(ports.get(0), "CLUSTER", "KEYSLOT", key).trim();
        int slot = Integer.parseInt(answer);
        String slots = cli(ports.get(0), "CLUSTER", "SLOTS");
        // each range: start, end, then "host", port, id of its master
        List<String> lines = Arrays.stream(slots.split("\n")).map(String::trim).toList();
        for (int i = 0; i + 3 < lines.size(); i++) {
            if (lines.get(i).matches("\\d+")
                    && lines.get(i + 1).matches("\\d+")
                    && lines.get(i + 2).equals("127.0.0.1")) {
                int start = Integer.parseInt(lines.get(i));
                int end = Integer.parseInt(lines.get(i + 1));
                if (slot >= start && slot <= end) {
                    return ports.indexOf(Integer.parseInt(lines.get(i + 3)));
                }
            }
        }
        throw new IllegalStateException("no node serves slot " + slot);
    }

    /** Empties every node (the tests' own cluster only). */
    public void flushAll() {
        for (int port : ports) {
            cli(port, "FLUSHALL");
        }
    }

    /**
     * Kills a node (SIGKILL) and starts it again on the same port: it keeps its place and slots in the cluster
     * and comes back with no data, as a node restarted without persistence does.
     */
    public synchronized void restartEmpty(int node) {
        if (!ours) {
            throw new IllegalStateException("the cluster on " + ports + " was not started by these tests");
        }
        Process process = processes[node];
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LocalPorts.await(ports.get(node), false, "Redis Cluster node " + node);
        start(node);
        awaitClusterOk();
    }

    private void create() {
        for (int node = 0; node < ports.size(); node++) {
            start(node);
        }
        List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        ports.forEach(port -> command.add("127.0.0.1:" + port));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        String output = run(command);
        if (!output.contains("All 16384 slots covered")) {
            throw new IllegalStateException("redis-cli --cluster create failed: " + output);
        }
        awaitClusterOk();
    }

    private void start(int node) {
        int port = ports.get(node);
        try {
            Path dir = Files.createDirectories(home.resolve(String.valueOf(port)));
            processes[node] = new ProcessBuilder(List.of(
                            "redis-server",
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--cluster-enabled",
                            "yes",
                            "--cluster-config-file",
                            "nodes.conf",
                            "--cluster-node-timeout",
                            "5000",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
        }
        LocalPorts.await(port, true, "Redis Cluster node " + node);
    }

    private void awaitClusterOk() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (clusterOk(ports)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the Redis Cluster on " + ports + " did not become ok; see " + home);
    }

    /** Every node says the cluster is ok and knows all the others. */
    private static boolean clusterOk(List<Integer> ports) {
        for (int port : ports) {
            String info = cli(port, "CLUSTER", "INFO");
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + ports.size())) {
                return false;
            }
        }
        return true;
    }

    private synchronized void stopAndClean() {
        for (Process process : processes) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
        for (Process process : processes) {
            if (process != null) {
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }

    private static String cli(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<Integer> configuredPorts() {
        String configured = System.getenv("SAFEREG_TEST_REDIS_CLUSTER_PORTS");
        String ports = configured == null || configured.isBlank() ? "17001,17002,17003" : configured;
        return Arrays.stream(ports.split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(java.io.File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /**
     * Points a test's application at the shared local Redis Cluster instead of the machine's Redis (use after
     * {@link RealStores}, which provides MySQL).
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "localRedisCluster",
                            Map.of(
                                    "spring.data.redis.cluster.nodes",
                                    shared().nodes(),
                                    "spring.data.redis.database",
                                    "0")));
        }
    }
}

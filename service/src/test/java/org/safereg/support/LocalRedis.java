package org.safereg.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A Redis server of a test's own, without persistence, that the test may kill and start again (an outage
 * the shared server must never suffer): it comes back empty, as a Redis restarted without persistence
 * does. The port is {@code SAFEREG_TEST_LOCAL_REDIS_PORT} when set, otherwise a free one.
 */
public final class LocalRedis {

    private static LocalRedis shared;

    private final Path home;
    private final int port;
    private Process process;

    private LocalRedis(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** One server for the whole test run, started on first use. */
    public static synchronized LocalRedis shared() {
        if (shared == null) {
            try {
                Path home = Files.createDirectories(Path.of("target", "local-redis"))
                        .toAbsolutePath();
                String configured = System.getenv("SAFEREG_TEST_LOCAL_REDIS_PORT");
                int port =
                        configured == null || configured.isBlank() ? LocalPorts.free() : Integer.parseInt(configured);
                shared = new LocalRedis(home, port);
                shared.start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::kill));
            } catch (IOException e) {
                throw new IllegalStateException("cannot prepare a local Redis: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(
                            "redis-server",
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            home.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
        }
        waitUntil(true);
    }

    /** Stops the server at once (SIGKILL): connections break and everything it held is gone. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waitUntil(false);
    }

    private void waitUntil(boolean listening) {
        LocalPorts.await(port, listening, "the local Redis; see " + home.resolve("redis.log"));
    }

    /** Points a test's application at the shared local Redis instead of the machine's. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "localRedis",
                            Map.of(
                                    "spring.data.redis.host", "127.0.0.1",
                                    "spring.data.redis.port", String.valueOf(shared().port()),
                                    "spring.data.redis.database", "0")));
        }
    }
}

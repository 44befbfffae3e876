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
 * A MariaDB server of a test's own, on a free port, that the test may stop and start again (an outage the
 * shared server must never suffer). Its data directory is made once under {@code target/} with
 * {@code mariadb-install-db}; {@link #kill()} stops it abruptly, as a crash or a lost host would.
 */
public final class LocalMariaDb {

    private static LocalMariaDb shared;

    private final Path home;
    private final int port;
    private Process process;

    private LocalMariaDb(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** One server for the whole test run, started on first use. */
    public static synchronized LocalMariaDb shared() {
        if (shared == null) {
            try {
                Path home = Files.createDirectories(Path.of("target", "local-mariadb"))
                        .toAbsolutePath();
                shared = new LocalMariaDb(home, LocalPorts.free());
                shared.install();
                shared.start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::kill));
            } catch (IOException e) {
                throw new IllegalStateException("cannot prepare a local MariaDB: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** A server of its own in {@code home} on {@code port}, installed if need be and not started. */
    public static LocalMariaDb prepare(Path home, int port) {
        try {
            LocalMariaDb server = new LocalMariaDb(Files.createDirectories(home).toAbsolutePath(), port);
            server.install();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a local MariaDB in " + home + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&rewriteBatchedStatements=true&useCursorFetch=true"
                + "&characterEncoding=UTF-8&connectionTimeZone=LOCAL&allowPublicKeyRetrieval=true&useSSL=false";
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(
                            mariadbd(),
                            "--no-defaults",
                            "--datadir=" + home.resolve("data"),
                            "--port=" + port,
                            "--socket=" + home.resolve("mariadb.sock"),
                            "--pid-file=" + home.resolve("mariadb.pid"),
                            "--bind-address=127.0.0.1",
                            "--user=root",
                            "--character-set-server=utf8mb4",
                            "--collation-server=utf8mb4_unicode_ci"))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("mariadb.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start mariadbd: " + e.getMessage(), e);
        }
        waitUntil(true);
    }

    /** Stops the server at once (SIGKILL): connections break, nothing is shut down cleanly. */
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

    private void install() throws IOException {
        if (Files.isDirectory(home.resolve("data").resolve("mysql"))) {
            return;
        }
        try {
            Process install = new ProcessBuilder(
                            "mariadb-install-db",
                            "--no-defaults",
                            "--datadir=" + home.resolve("data"),
                            "--auth-root-authentication-method=normal",
                            "--skip-test-db")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("install.log").toFile())
                    .start();
            if (!install.waitFor(60, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed; see " + home.resolve("install.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitUntil(boolean listening) {
        LocalPorts.await(port, listening, "the local MariaDB; see " + home.resolve("mariadb.log"));
    }

    private static String mariadbd() {
        for (String candidate : List.of("/usr/sbin/mariadbd", "/usr/sbin/mysqld", "/usr/local/bin/mariadbd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "mariadbd";
    }

    /** Points a test's application at the shared local server instead of the machine's MariaDB. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "localMariaDb",
                            Map.of(
                                    "spring.datasource.url", shared().jdbcUrl("safereg_outage"),
                                    "spring.datasource.username", "root",
                                    "spring.datasource.password", "")));
        }
    }
}

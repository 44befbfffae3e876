package org.safereg.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MySQLContainer;

/**
 * Points an integration test's application at a real MySQL/MariaDB and a real Redis: the ones on
 * localhost when they answer (MariaDB on 3306, Redis on 6379, or SAFEREG_TEST_DB_* / SAFEREG_TEST_REDIS_*),
 * otherwise containers started by Testcontainers when Docker is available. Never an in-memory stand-in:
 * without either, the test fails and says how to provide them.
 */
public final class RealStores implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** SAFEREG_TEST_DB_NAME / SAFEREG_TEST_REDIS_DATABASE let two test runs on one machine keep apart. */
    private static final String DATABASE = env("SAFEREG_TEST_DB_NAME", "safereg_test");

    private static final String REDIS_DATABASE = env("SAFEREG_TEST_REDIS_DATABASE", "0");
    private static Map<String, Object> properties;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> props = new HashMap<>(properties());
        props.put("safereg.dev-tokens.enabled", "false");
        props.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "classpath:test-jwt-public.pem");
        props.put("safereg.province.generate", "never");
        props.put("safereg.scheduling.enabled", "false");
        // an activation's re-evaluation of every enterprise would run into the next test's data; the tests of
        // it turn it on for their own context
        props.put("safereg.rule-sets.reevaluate-on-activation", "false");
        // every read re-checks whether the read model is stale, so tests see the database's word at once
        props.put("safereg.credit.stale-check", "PT0S");
        props.put("safereg.risk.stale-check", "PT0S");
        // a test's own properties (@SpringBootTest(properties = ...)) win, e.g. to point Redis at a dead port
        var inlined = context.getEnvironment().getPropertySources().get("Inlined Test Properties");
        if (inlined != null) {
            props.keySet().removeIf(inlined::containsProperty);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realStores", props));
    }

    /** JDBC URL, user and password of the test database, for tests that talk to it without Spring. */
    public static synchronized Map<String, Object> properties() {
        if (properties == null) {
            properties = locate();
        }
        return properties;
    }

    private static Map<String, Object> locate() {
        String dbHost = env("SAFEREG_TEST_DB_HOST", "127.0.0.1");
        int dbPort = Integer.parseInt(env("SAFEREG_TEST_DB_PORT", "3306"));
        String redisHost = env("SAFEREG_TEST_REDIS_HOST", "127.0.0.1");
        int redisPort = Integer.parseInt(env("SAFEREG_TEST_REDIS_PORT", "6379"));
        Map<String, Object> props = new HashMap<>();
        if (reachable(dbHost, dbPort) && reachable(redisHost, redisPort)) {
            String server = "jdbc:mysql://" + dbHost + ":" + dbPort + "/";
            String options = "?rewriteBatchedStatements=true&useCursorFetch=true&characterEncoding=UTF-8"
                    + "&connectionTimeZone=LOCAL&allowPublicKeyRetrieval=true&useSSL=false";
            String user = env("SAFEREG_TEST_DB_USER", "root");
            String password = env("SAFEREG_TEST_DB_PASSWORD", "");
            recreateDatabase(server + options, user, password);
            props.put("spring.datasource.url", server + DATABASE + options);
            props.put("spring.datasource.username", user);
            props.put("spring.datasource.password", password);
            props.put("spring.data.redis.host", redisHost);
            props.put("spring.data.redis.port", String.valueOf(redisPort));
            props.put("spring.data.redis.database", REDIS_DATABASE);
            return props;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4").withDatabaseName(DATABASE);
            GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
            mysql.start();
            redis.start();
            props.put(
                    "spring.datasource.url", mysql.getJdbcUrl() + "?rewriteBatchedStatements=true&useCursorFetch=true");
            props.put("spring.datasource.username", mysql.getUsername());
            props.put("spring.datasource.password", mysql.getPassword());
            props.put("spring.data.redis.host", redis.getHost());
            props.put("spring.data.redis.port", String.valueOf(redis.getMappedPort(6379)));
            return props;
        }
        throw new IllegalStateException(
                """
                The integration tests need a real MySQL/MariaDB and a real Redis, and found neither on this machine \
                nor a Docker engine to start them. Either start MariaDB 10.11+ (or MySQL 8) on %s:%d with user root \
                and an empty password and Redis 7 on %s:%d (override with SAFEREG_TEST_DB_HOST/PORT/USER/PASSWORD and \
                SAFEREG_TEST_REDIS_HOST/PORT), or start Docker so that Testcontainers can run mysql:8.4 and redis:7. \
                .ci/run starts the local ones."""
                        .formatted(dbHost, dbPort, redisHost, redisPort));
    }

    /** Every test run starts from an empty database that Flyway migrates, whatever an earlier run left. */
    private static void recreateDatabase(String serverUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

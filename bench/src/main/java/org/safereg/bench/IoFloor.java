package org.safereg.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.safereg.changes.DecisionChange;
import org.safereg.changes.DecisionChanges;
import org.safereg.system.BulkStatements;

/**
 * The I/O floor of a full recompute: a plain JDBC and Lettuce program that does the reads and writes of a
 * run and nothing else. For each page of enterprises (keyset paging, the same page size) it runs the same
 * id query and the same aggregate queries as the service (their SQL is taken from the service's mapper at
 * run time, so the two cannot drift apart), turns each facts row into a result of the same stored size
 * (no rules: a stand-in decision), upserts the page with one multi-row statement per batch
 * ({@code rewriteBatchedStatements}, prepared on the client), inserts a history row and a change-feed entry for each (a new result
 * is a changed decision), commits, and writes each result's
 * hash to Redis through one pipelined, explicitly flushed connection. The next page is read while this one
 * is written to MySQL, and the page before is written to Redis, as the service overlaps them: the floor is
 * the best a program without rules could do on the same wire.
 */
public final class IoFloor {

    /** A statement and the names of its parameters, in order (a mapper statement's bound SQL). */
    public record Query(String sql, List<String> parameters) {

        /** The SQL of one of the service's mapper statements, as MyBatis binds it for these parameters. */
        public static Query of(
                org.apache.ibatis.session.Configuration mybatis, String statement, Map<String, ?> sample) {
            org.apache.ibatis.mapping.BoundSql bound =
                    mybatis.getMappedStatement(statement).getBoundSql(new HashMap<>(sample));
            return new Query(
                    bound.getSql(),
                    bound.getParameterMappings().stream()
                            .map(org.apache.ibatis.mapping.ParameterMapping::getProperty)
                            .toList());
        }
    }

    /**
     * One enterprise's writes: the upsert's, history's and change-feed entry's parameters by name, and its
     * Redis hash.
     */
    public record Output(
            Map<String, Object> upsert,
            Map<String, Object> history,
            Map<String, Object> change,
            String redisKey,
            Map<String, String> fields) {}

    /**
     * The change-feed entry a decision writes in its transaction ({@link DecisionChanges#INSERT}), its
     * parameters named as {@link DecisionChange}'s components.
     */
    public static final Query CHANGE = new Query(
            DecisionChanges.INSERT,
            List.of("kind", "enterpriseId", "value", "previous", "detail", "ref", "ruleSetVersion", "decidedAt"));

    /** What one decision kind reads and writes. */
    public interface Kind {

        /** The id query of a page: parameters {@code afterId}, {@code limit}. */
        Query ids();

        /** The aggregate reads of a page: parameters {@code firstId}, {@code lastId} and the kind's own. */
        List<Query> reads();

        /** Values of the reads' other parameters (dates). */
        Map<String, Object> parameters();

        /** The facts query is the first of {@link #reads()}; its rows become outputs. */
        Output output(Map<String, Object> factsRow);

        Query upsert();

        Query history();
    }

    /** What a floor run did. */
    public record Result(
            int enterprises, double seconds, double readSeconds, double mysqlSeconds, double redisSeconds) {}

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final RedisURI redis;
    private final int pageSize;

    public IoFloor(String jdbcUrl, String user, String password, RedisURI redis, int pageSize) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.redis = redis;
        this.pageSize = pageSize;
    }

    private record Page(List<Map<String, Object>> facts, long lastId, long readNanos) {}

    public Result run(Kind kind) {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        ExecutorService redisWriter = Executors.newSingleThreadExecutor();
        RedisClient client = RedisClient.create(redis);
        long started = System.nanoTime();
        try (Connection readConnection = DriverManager.getConnection(jdbcUrl, user, password);
                Connection writeConnection = DriverManager.getConnection(jdbcUrl, user, password);
                StatefulRedisConnection<String, String> connection = client.connect()) {
            writeConnection.setAutoCommit(false);
            connection.setAutoFlushCommands(false);
            RedisAsyncCommands<String, String> commands = connection.async();
            long[] mysqlNanos = {0};
            long[] redisNanos = {0};
            long readNanos = 0;
            int enterprises = 0;
            CompletableFuture<Page> next = CompletableFuture.supplyAsync(() -> read(readConnection, kind, 0), reader);
            CompletableFuture<Void> redisWriting = CompletableFuture.completedFuture(null);
            // prepared on the client, as the service's batches are: one multi-row text statement per batch
            try (PreparedStatement upsert = BulkStatements.prepare(
                            writeConnection, kind.upsert().sql());
                    PreparedStatement history = BulkStatements.prepare(
                            writeConnection, kind.history().sql());
                    PreparedStatement change = BulkStatements.prepare(writeConnection, CHANGE.sql())) {
                while (true) {
                    Page page = next.join();
                    readNanos += page.readNanos();
                    if (page.facts().isEmpty()) {
                        break;
                    }
                    next = CompletableFuture.supplyAsync(() -> read(readConnection, kind, page.lastId()), reader);
                    List<Output> outputs = new ArrayList<>(page.facts().size());
                    for (Map<String, Object> row : page.facts()) {
                        outputs.add(kind.output(row));
                    }
                    long writing = System.nanoTime();
                    for (Output output : outputs) {
                        bind(upsert, kind.upsert(), output.upsert());
                        upsert.addBatch();
                        bind(history, kind.history(), output.history());
                        history.addBatch();
                        bind(change, CHANGE, output.change());
                        change.addBatch();
                    }
                    upsert.executeBatch();
                    history.executeBatch();
                    change.executeBatch();
                    writeConnection.commit();
                    mysqlNanos[0] += System.nanoTime() - writing;
                    enterprises += outputs.size();
                    redisWriting.join();
                    redisWriting = CompletableFuture.runAsync(
                            () -> {
                                long at = System.nanoTime();
                                List<RedisFuture<Long>> sent = new ArrayList<>(outputs.size());
                                for (Output output : outputs) {
                                    sent.add(commands.hset(output.redisKey(), output.fields()));
                                }
                                connection.flushCommands();
                                for (RedisFuture<Long> future : sent) {
                                    try {
                                        future.get(30, TimeUnit.SECONDS);
                                    } catch (Exception e) {
                                        throw new IllegalStateException("Redis did not take the floor's write", e);
                                    }
                                }
                                redisNanos[0] += System.nanoTime() - at;
                            },
                            redisWriter);
                }
                redisWriting.join();
            }
            return new Result(
                    enterprises,
                    (System.nanoTime() - started) / 1e9,
                    readNanos / 1e9,
                    mysqlNanos[0] / 1e9,
                    redisNanos[0] / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            reader.shutdownNow();
            redisWriter.shutdownNow();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private Page read(Connection connection, Kind kind, long afterId) {
        long started = System.nanoTime();
        try {
            Map<String, Object> parameters = new HashMap<>(kind.parameters());
            parameters.put("afterId", afterId);
            parameters.put("limit", pageSize);
            List<Map<String, Object>> ids = query(connection, kind.ids(), parameters, row -> row);
            if (ids.isEmpty()) {
                return new Page(List.of(), afterId, System.nanoTime() - started);
            }
            long first = ((Number) ids.get(0).values().iterator().next()).longValue();
            long last = ((Number) ids.get(ids.size() - 1).values().iterator().next()).longValue();
            parameters.put("firstId", first);
            parameters.put("lastId", last);
            List<Map<String, Object>> facts = null;
            for (Query query : kind.reads()) {
                List<Map<String, Object>> rows = query(connection, query, parameters, row -> row);
                if (facts == null) {
                    facts = rows;
                }
            }
            return new Page(facts, last, System.nanoTime() - started);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> query(
            Connection connection,
            Query query,
            Map<String, Object> parameters,
            Function<Map<String, Object>, Map<String, Object>> mapping)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                String name = query.parameters().get(i);
                if (!parameters.containsKey(name)) {
                    throw new IllegalArgumentException("no value for the parameter " + name + " of " + query.sql());
                }
                statement.setObject(i + 1, parameters.get(name));
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                String[] labels = new String[columns];
                for (int c = 0; c < columns; c++) {
                    labels[c] = meta.getColumnLabel(c + 1);
                }
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new HashMap<>(columns * 2);
                    for (int c = 0; c < columns; c++) {
                        row.put(labels[c], rows.getObject(c + 1));
                    }
                    result.add(mapping.apply(row));
                }
                return result;
            }
        }
    }

    private static void bind(PreparedStatement statement, Query query, Map<String, Object> values) throws SQLException {
        for (int i = 0; i < query.parameters().size(); i++) {
            statement.setObject(i + 1, values.get(query.parameters().get(i)));
        }
    }

    /** A change-feed entry's parameters, as {@link #CHANGE} names them. */
    public static Map<String, Object> change(
            String kind, long enterpriseId, String value, Object previous, String detail, String version, Object at) {
        Map<String, Object> change = new HashMap<>();
        change.put("kind", kind);
        change.put("enterpriseId", enterpriseId);
        change.put("value", value);
        change.put("previous", previous);
        change.put("detail", detail);
        change.put("ref", null);
        change.put("ruleSetVersion", version);
        change.put("decidedAt", at);
        return change;
    }

    /** A JSON array of small numbers of about {@code length} characters. */
    public static String array(int length, long id) {
        StringBuilder text = new StringBuilder(Math.max(length, 4)).append('[').append(id % 97);
        for (int n = 1; text.length() < length - 4; n++) {
            text.append(',').append((id + n) % 97);
        }
        return text.append(']').toString();
    }

    /** A JSON object of exactly {@code length} characters (at least 12), varying with {@code id}. */
    public static String json(int length, long id) {
        StringBuilder text = new StringBuilder(Math.max(length, 16))
                .append("{\"id\":")
                .append(id)
                .append(",\"p\":\"");
        while (text.length() < length - 2) {
            text.append((char) ('a' + (text.length() + id) % 26));
        }
        return text.append("\"}").toString();
    }
}

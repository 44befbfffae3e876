package org.safereg.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.cursor.Cursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.LocalPorts;
import org.safereg.system.RedisAnswersAgain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model of a made-up feature ("sample") in the real Redis and MySQL: the hash each decision is kept in,
 * the evaluation time of unchanged decisions, the copy lost or missing writes, and the rebuild from MySQL.
 */
@IntegrationTest
class ReadModelIntegrationTests {

    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");
    /** Every call re-reads the mark, even within the millisecond of the last look. */
    private static final Duration EVERY_CALL = Duration.ofMillis(-1);

    private static final Duration HOURLY = Duration.ofHours(1);

    @Autowired
    ReadModels readModels;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    /** What MySQL holds, for the rebuild. */
    private final List<Sample> stored = new ArrayList<>();

    private ReadModel<Sample> readModel;

    @BeforeEach
    void anEmptySampleReadModel() {
        redis.delete(redis.keys("safereg:sample:*"));
        redis.delete("safereg:epoch:sample");
        jdbc.update("DELETE FROM read_models WHERE name = 'sample'");
        jdbc.update("INSERT INTO read_models (name, stale, changed_at) VALUES ('sample', FALSE, CURRENT_TIMESTAMP(3))");
        readModel = readModels.create("sample", new SampleCodec(), () -> cursor(stored), EVERY_CALL);
        assertThat(readModel.rebuild()).isTrue();
    }

    @Test
    void aDecisionIsKeptAsAHashUnderItsKeyAndReadBack() {
        Sample green = new Sample("91310000MA1K000001", "GREEN", "[3,7]", MONDAY);

        assertThat(readModel.write(List.of(green))).isTrue();

        assertThat(redis.<String, String>opsForHash().entries("safereg:sample:91310000MA1K000001"))
                .isEqualTo(Map.of(
                        "enterpriseId", "7",
                        "level", "GREEN",
                        "version", "v1",
                        "firedRules", "[3,7]",
                        "evaluatedAt", "2026-03-02T08:00:00Z",
                        "contentHash", String.valueOf("GREEN".hashCode())));
        assertThat(readModel.read("91310000MA1K000001")).contains(green);
        assertThat(readModel.read("91310000MA1K000002")).isEmpty();
        assertThat(readModel.kind()).isEqualTo("redis");
        assertThat(readModel.health().health().getDetails()).isEqualTo(Map.of("store", "redis", "stale", false));
    }

    @Test
    void anUnchangedDecisionGetsItsNewEvaluationTimeAndAnEvictedOneStaysAbsent() {
        readModel.write(List.of(new Sample("91310000MA1K000001", "GREEN", "[3]", MONDAY)));
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));

        readModel.touch(List.of("91310000MA1K000001", "91310000MA1K000002"), tuesday);

        assertThat(readModel.read("91310000MA1K000001"))
                .contains(new Sample("91310000MA1K000001", "GREEN", "[3]", tuesday));
        assertThat(redis.hasKey("safereg:sample:91310000MA1K000002")).isFalse();
    }

    @Test
    void anEntryWithoutItsFiredRulesIsAHuskAndReadsAsAbsent() {
        redis.opsForHash().put("safereg:sample:91310000MA1K000003", "evaluatedAt", MONDAY.toString());

        assertThat(readModel.read("91310000MA1K000003")).isEmpty();
    }

    @Test
    void aCopyRedisLostIsStaleUntilItIsRebuiltFromMysql() {
        Sample red = new Sample("91310000MA1K000004", "RED", "[1]", MONDAY);
        stored.add(red);
        readModel.write(List.of(red));

        redis.delete(List.of("safereg:sample:91310000MA1K000004", "safereg:epoch:sample"));

        assertThat(readModel.isStale()).isTrue();
        assertThat(readModel.read("91310000MA1K000004")).isEmpty();
        assertThat(readModel.health().health().getDetails()).containsEntry("stale", true);
        assertThat(staleInMysql()).isTrue();

        assertThat(readModel.rebuild()).isTrue();

        assertThat(staleInMysql()).isFalse();
        assertThat(redis.hasKey("safereg:epoch:sample")).isTrue();
        assertThat(readModel.read("91310000MA1K000004")).contains(red);
    }

    @Test
    void aCopyRedisLostWhileAwayIsRebuiltAsSoonAsRedisAnswersAgainWithoutWaitingForAReader()
            throws InterruptedException {
        // an instance that would look at the copy only once an hour on its own
        ReadModel<Sample> hourly = readModels.create("sample", new SampleCodec(), () -> cursor(stored), HOURLY);
        Sample red = new Sample("91310000MA1K000005", "RED", "[2]", MONDAY);
        stored.add(red);
        hourly.write(List.of(red));
        assertThat(hourly.isStale()).isFalse();
        // Redis restarted without its data
        redis.delete(List.of("safereg:sample:91310000MA1K000005", "safereg:epoch:sample"));

        events.publishEvent(new RedisAnswersAgain(Instant.now()));

        // marked before the event returns, so readiness never says Redis is back with a lost copy unmarked
        assertThat(hourly.isStale() || redis.hasKey("safereg:epoch:sample")).isTrue();
        for (int i = 0; i < 50 && !Boolean.TRUE.equals(redis.hasKey("safereg:epoch:sample")); i++) {
            Thread.sleep(100);
        }
        assertThat(redis.hasKey("safereg:epoch:sample"))
                .as("rebuilt in the background")
                .isTrue();
        assertThat(staleInMysql()).isFalse();
        assertThat(hourly.read("91310000MA1K000005")).contains(red);
    }

    @Test
    void aWriteRedisDoesNotTakeMarksTheCopyStaleForEveryInstance() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", LocalPorts.free()),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofMillis(300))
                        .build());
        nowhere.afterPropertiesSet();
        try {
            DecisionStore<Sample> down =
                    new RedisDecisionStore<>("sample", new SampleCodec(), new StringRedisTemplate(nowhere));
            ReadModel<Sample> unreachable = readModels.create("sample", down, () -> cursor(stored), EVERY_CALL);

            Sample blue = new Sample("91310000MA1K000005", "BLUE", "[2]", MONDAY);
            stored.add(blue);

            assertThat(unreachable.write(List.of(blue))).isFalse();

            assertThat(staleInMysql()).isTrue();
            assertThat(readModel.isStale()).isTrue();
            assertThat(unreachable.rebuild()).isFalse();
            assertThat(staleInMysql()).isTrue();
        } finally {
            nowhere.destroy();
        }
    }

    @Test
    void withoutRedisTheDecisionsAreKeptInThisProcess() {
        DecisionStore<Sample> store = new InProcessDecisionStore<>();
        Sample green = new Sample("91310000MA1K000006", "GREEN", "[3]", MONDAY);

        store.putAll(List.of(green));
        store.touchAll(List.of("91310000MA1K000006", "91310000MA1K000007"), MONDAY.plusSeconds(60));

        assertThat(store.get("91310000MA1K000006"))
                .contains(new Sample("91310000MA1K000006", "GREEN", "[3]", MONDAY.plusSeconds(60)));
        assertThat(store.get("91310000MA1K000007")).isEmpty();
        assertThat(store.kind()).isEqualTo("in-process");
        assertThat(store.epoch().present()).isTrue();
    }

    private boolean staleInMysql() {
        return jdbc.queryForObject("SELECT stale FROM read_models WHERE name = 'sample'", Boolean.class);
    }

    record Sample(
            long enterpriseId,
            String creditCode,
            String level,
            String ruleSetVersion,
            String firedRules,
            Instant evaluatedAt,
            long contentHash)
            implements CurrentDecision<Sample> {

        Sample(String creditCode, String level, String firedRules, Instant evaluatedAt) {
            this(7, creditCode, level, "v1", firedRules, evaluatedAt, level.hashCode());
        }

        @Override
        public Sample evaluatedAt(Instant at) {
            return new Sample(enterpriseId, creditCode, level, ruleSetVersion, firedRules, at, contentHash);
        }
    }

    static final class SampleCodec implements DecisionCodec<Sample> {

        @Override
        public Map<String, String> fields(Sample sample) {
            return Map.of("level", sample.level());
        }

        @Override
        public Sample decision(DecisionStamp stamp, Map<String, String> fields) {
            return new Sample(
                    stamp.enterpriseId(),
                    stamp.creditCode(),
                    fields.get("level"),
                    stamp.ruleSetVersion(),
                    stamp.firedRules(),
                    stamp.evaluatedAt(),
                    stamp.contentHash());
        }
    }

    private static <T> Cursor<T> cursor(List<T> rows) {
        return new Cursor<>() {
            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public boolean isConsumed() {
                return false;
            }

            @Override
            public int getCurrentIndex() {
                return -1;
            }

            @Override
            public Iterator<T> iterator() {
                return List.copyOf(rows).iterator();
            }

            @Override
            public void close() {}
        };
    }
}

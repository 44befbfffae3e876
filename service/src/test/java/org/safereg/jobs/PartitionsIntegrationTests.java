package org.safereg.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Partitions of a run shared through MySQL: each is worked once; one whose owner fell silent (an instance
 * killed mid-partition) is taken over; one another live instance holds is waited for, not taken.
 */
@IntegrationTest
@TestPropertySource(
        properties = {"safereg.jobs.heartbeat=PT0.5S", "safereg.jobs.lease=PT2S", "safereg.partitions.poll=PT0.1S"})
class PartitionsIntegrationTests {

    /** A kind no feature splits, so that only this test's work takes its partitions. */
    private static final JobKind KIND = JobKind.IMPACT_SIMULATION;

    @Autowired
    Partitions partitions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noPartitions() {
        jdbc.update("DELETE FROM job_partitions");
    }

    @Test
    void abandonedPartitionIsTakenOverAndALiveOneIsWaitedFor() {
        long run = 4242;
        partitions.open(KIND, run, "v1", List.of("1401", "1402", "1403", "1404"));
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        // 1402: its instance was killed while working it; 1403: another instance is working it right now
        jdbc.update(
                "UPDATE job_partitions SET state = 'RUNNING', owner = 'a-dead-host:1:dead', attempts = 1,"
                        + " heartbeat_at = ? WHERE partition_key = '1402'",
                longAgo);
        jdbc.update("UPDATE job_partitions SET state = 'RUNNING', owner = 'a-live-host:2:live', attempts = 1,"
                + " heartbeat_at = CURRENT_TIMESTAMP(3) WHERE partition_key = '1403'");
        List<String> worked = new CopyOnWriteArrayList<>();
        PartitionWork work = work(feed -> {
            // two under way at a time, the second claimed before the first is done, as a pipelined run does
            Optional<Partitions.Claimed> held = feed.next();
            while (held.isPresent()) {
                Optional<Partitions.Claimed> next = feed.next();
                assertThat(held.get().context()).isEqualTo("v1");
                worked.add(held.get().key());
                feed.done(held.get(), new Partitions.Counts(10, 1, 0, null));
                held = next;
            }
        });
        // the live instance keeps beating for a while, then finishes its partition
        CompletableFuture<Void> live = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 15; i++) {
                jdbc.update("UPDATE job_partitions SET heartbeat_at = CURRENT_TIMESTAMP(3) WHERE partition_key ="
                        + " '1403'");
                pause(200);
            }
            jdbc.update("UPDATE job_partitions SET state = 'DONE', items = 7 WHERE partition_key = '1403'");
        });

        Partitions.Summary summary = partitions.drain(KIND, run, work, now -> {});
        live.join();

        assertThat(worked).containsExactlyInAnyOrder("1401", "1402", "1404");
        assertThat(summary.finished()).isTrue();
        assertThat(summary.done()).isEqualTo(4);
        assertThat(summary.counts().items()).isEqualTo(37);
        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM job_partitions WHERE partition_key = '1402'", Integer.class))
                .as("claimed a second time")
                .isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT DISTINCT owner FROM job_partitions WHERE partition_key <> '1403'"))
                .hasSize(1);
    }

    @Test
    void thePartitionsOfARunWhoseCoordinatorFellSilentAreNotTaken() {
        partitions.open(KIND, 1, "v1", List.of("1401", "1402"));
        partitions.open(KIND, 2, "v2", List.of("1401"));
        jdbc.update(
                "UPDATE job_partitions SET run_heartbeat_at = ? WHERE run_id = 1",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))));

        assertThat(partitions.claim(KIND, null).orElseThrow().runId()).isEqualTo(2);
        assertThat(partitions.claim(KIND, null)).isEmpty();
    }

    @Test
    void aPartitionWhoseWorkKeepsFailingIsGivenUpAndTheRunFailsWithoutBlamingThoseUnderWayBesideIt() {
        partitions.open(KIND, 77, "v1", List.of("1401", "1402", "1403"));
        PartitionWork failing = work(feed -> {
            // every partition left is claimed at once; 1403 is under way when 1402 fails
            List<Partitions.Claimed> held = new ArrayList<>();
            for (Optional<Partitions.Claimed> next = feed.next(); next.isPresent(); next = feed.next()) {
                held.add(next.get());
            }
            for (Partitions.Claimed partition : held) {
                if (partition.key().equals("1402")) {
                    throw new Partitions.PartitionFailed(
                            partition, new IllegalStateException("MySQL refused the page"));
                }
                feed.done(partition, new Partitions.Counts(5, 0, 0, null));
            }
        });

        assertThatThrownBy(() -> partitions.drain(KIND, 77, failing, now -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed 3 times")
                .hasMessageContaining("1402: java.lang.IllegalStateException: MySQL refused the page");
        assertThat(jdbc.queryForMap("SELECT state, attempts FROM job_partitions WHERE partition_key = '1402'"))
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 3);
        assertThat(jdbc.queryForObject("SELECT state FROM job_partitions WHERE partition_key = '1401'", String.class))
                .isEqualTo("DONE");
        assertThat(jdbc.queryForMap("SELECT state, attempts, error FROM job_partitions WHERE partition_key = '1403'"))
                .as("back each time, never charged with 1402's failure")
                .containsEntry("state", "OPEN")
                .containsEntry("attempts", 0)
                .containsEntry("error", null);
    }

    @Test
    void aFailureThatNamesNoPartitionSendsBackEveryPartitionUnderWayAndADeclinedOneIsNotCharged() {
        partitions.open(KIND, 78, "v1", List.of("1401", "1402", "1403"));
        List<Integer> rounds = new CopyOnWriteArrayList<>();
        PartitionWork work = work(feed -> {
            rounds.add(rounds.size() + 1);
            Partitions.Claimed first = feed.next().orElseThrow();
            Partitions.Claimed second = feed.next().orElseThrow();
            if (rounds.size() == 1) {
                throw new IllegalStateException("the connection was lost");
            }
            if (rounds.size() == 2) {
                // another rule set in force here: both go back, and the feed hands out no more
                feed.decline(first);
                feed.decline(second);
                assertThat(feed.next()).isEmpty();
                return;
            }
            feed.done(first, new Partitions.Counts(1, 0, 0, null));
            feed.done(second, new Partitions.Counts(1, 0, 0, null));
            feed.next().ifPresent(third -> feed.done(third, new Partitions.Counts(1, 0, 0, null)));
        });

        Partitions.Summary summary = partitions.drain(KIND, 78, work, now -> {});

        assertThat(summary.done()).isEqualTo(3);
        assertThat(rounds).hasSize(3);
        assertThat(jdbc.queryForList(
                        "SELECT attempts FROM job_partitions WHERE run_id = 78 ORDER BY partition_key", Integer.class))
                .as("the lost connection counts against both it held, the declines against none")
                .containsExactly(2, 2, 1);
    }

    /** Work of {@link #KIND} that does {@code body} with each feed it is given. */
    private static PartitionWork work(Consumer<Partitions.Feed> body) {
        return new PartitionWork() {
            @Override
            public JobKind kind() {
                return KIND;
            }

            @Override
            public void work(Partitions.Feed feed) {
                body.accept(feed);
            }
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

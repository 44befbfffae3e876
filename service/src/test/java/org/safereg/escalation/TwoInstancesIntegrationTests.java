package org.safereg.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.SafeRegApplication;
import org.safereg.support.ClockControl;
import org.safereg.support.FactsChangedRecorder;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.MutableClock;
import org.safereg.support.Province;
import org.safereg.support.RealStores;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Two instances of the service (two application contexts on their own ports) against the same MariaDB and
 * Redis, running escalation and the task relay at the same moments, as two nodes behind a load balancer do
 * when ShedLock is not there to keep them apart.
 */
@IntegrationTest
@Import({ClockControl.class, FactsChangedRecorder.class})
class TwoInstancesIntegrationTests {

    private static ConfigurableApplicationContext second;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MutableClock clock;

    @Autowired
    Escalation escalation;

    @Autowired
    org.springframework.context.ApplicationContext first;

    private Province.Enterprise plant;
    private Scenario scenario;

    @BeforeEach
    void aSecondInstanceAndAPlantInTrouble() {
        if (second == null) {
            second = new SpringApplicationBuilder(SafeRegApplication.class, ClockControl.class)
                    .initializers(new RealStores())
                    .properties("server.port=0")
                    .run();
        }
        clock.reset();
        secondClock().reset();
        Province province = Province.reset(jdbc, redis);
        LocalDate today = LocalDate.now(clock);
        plant = province.enterprise("双实例化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(today.getYear(), 40, 40)
                .training(today.getYear() - 1, 40, 40)
                .drill(today.minusMonths(2), true);
        scenario = new Scenario(new Http(rest), jdbc);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void twoInstancesEscalatingAndRelayingAtOnceTakeEachStepOnceAndAppendEachTaskOnce() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long alarm = scenario.level2Alarm(plant, clock.instant());
        long hazard = scenario.majorHazard(plant, today.minusDays(40), today.minusDays(1));
        Escalation other = second.getBean(Escalation.class);
        Object relay = first.getBean("taskRelay");
        Object otherRelay = second.getBean("taskRelay");

        for (int minute : new int[] {0, 5, 15, 15, 16}) {
            clock.reset();
            clock.advance(Duration.ofMinutes(minute));
            secondClock().reset();
            secondClock().advance(Duration.ofMinutes(minute));
            concurrently(
                    () -> escalation.run(),
                    () -> other.run(),
                    () -> ReflectionTestUtils.invokeMethod(relay, "relayAll"),
                    () -> ReflectionTestUtils.invokeMethod(otherRelay, "relayAll"));
        }
        concurrently(
                () -> ReflectionTestUtils.invokeMethod(relay, "relayAll"),
                () -> ReflectionTestUtils.invokeMethod(otherRelay, "relayAll"));

        assertThat(jdbc.queryForList("SELECT recipient FROM notifications WHERE alarm_id = ?", String.class, alarm))
                .containsExactlyInAnyOrder("SAFETY_OFFICER", "PRINCIPAL", "COUNTY");
        assertThat(jdbc.queryForList("SELECT recipient FROM notifications WHERE hazard_id = ?", String.class, hazard))
                .containsExactlyInAnyOrder("PRINCIPAL", "COUNTY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM enforcement_tasks", Integer.class))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_outbox", Integer.class))
                .isOne();
        assertThat(redis.opsForStream().read(StreamOffset.fromStart("safereg:tasks")))
                .hasSize(1);
        assertThat(redis.opsForStream().read(StreamOffset.fromStart("safereg:notifications")))
                .extracting(e -> e.getValue().get("notificationId"))
                .doesNotHaveDuplicates()
                .hasSize(5);
    }

    @Test
    void aTaskClaimedThroughBothInstancesAtOnceIsClaimedOnce() throws Exception {
        LocalDate today = LocalDate.now(clock);
        scenario.majorHazard(plant, today.minusDays(40), today.minusDays(1));
        escalation.run();
        long task = jdbc.queryForObject("SELECT id FROM enforcement_tasks", Long.class);
        TestRestTemplate otherRest = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + second.getEnvironment().getProperty("local.server.port")));
        Http here = new Http(rest);
        Http there = new Http(otherRest);

        List<ResponseEntity<JsonNode>> answers = together(
                () -> here.post("/api/v1/tasks/" + task + "/claim", TestTokens.dispatch(), null),
                () -> there.post("/api/v1/tasks/" + task + "/claim", TestTokens.dispatch(), null));

        assertThat(answers)
                .extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
    }

    private MutableClock secondClock() {
        return second.getBean(MutableClock.class);
    }

    @SafeVarargs
    private static <T> List<T> together(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void concurrently(Runnable... runs) throws Exception {
        List<Callable<Object>> calls = new ArrayList<>();
        for (Runnable run : runs) {
            calls.add(() -> {
                run.run();
                return null;
            });
        }
        together(calls.toArray(new Callable[0]));
    }
}

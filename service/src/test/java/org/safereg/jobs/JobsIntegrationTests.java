package org.safereg.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.EventStream;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A long job, whatever its kind, reads the same: its state, done of total, percent and ETA, a problem when it
 * failed and a link to its result, as a resource and as server-sent events that follow it to its end.
 */
@IntegrationTest
class JobsIntegrationTests {

    private static final String VIEWER = TestTokens.token("viewer", List.of("POLICY_VIEWER"), null);
    private static final Duration SOON = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    Jobs jobs;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    Http http;

    @BeforeEach
    void noJobs() {
        http = new Http(rest);
        jdbc.update("DELETE FROM jobs");
    }

    @Test
    void progressEventsFollowTheWorkPageByPageAndAFinishedEventEndsTheStream() throws Exception {
        JobRun run = jobs.queue(JobKind.IMPACT_SIMULATION, "policy-officer-li");
        try (EventStream stream = EventStream.open(events(run.id()), VIEWER)) {
            assertThat(stream.status()).isEqualTo(200);
            EventStream.Event first = stream.next(SOON);
            assertThat(first.name()).isEqualTo("progress");
            assertThat(first.data().path("state").asText()).isEqualTo("QUEUED");

            run.total(4);
            for (int page = 0; page < 4; page++) {
                // pages further apart than the events' 250 ms, so that each is an event of its own
                Thread.sleep(700);
                run.advance(1);
            }
            Thread.sleep(700);
            run.succeeded("/api/v1/rule-sets/abc/impact?against=def");
            List<EventStream.Event> events = stream.until("finished", SOON);

            List<EventStream.Event> progress =
                    events.stream().filter(e -> e.name().equals("progress")).toList();
            List<Long> done =
                    progress.stream().map(e -> e.data().path("done").asLong()).toList();
            assertThat(done).as("done, event by event").isSorted().contains(1L, 2L, 3L);
            assertThat(progress.stream().map(e -> e.data().path("percent").asDouble()))
                    .isSorted()
                    .contains(25.0, 50.0, 75.0);
            assertThat(progress)
                    .allSatisfy(e -> assertThat(e.data().path("total").asLong()).isEqualTo(4));
            EventStream.Event finished = events.get(events.size() - 1);
            assertThat(finished.name()).isEqualTo("finished");
            JsonNode job = finished.data();
            assertThat(job.path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(job.path("kind").asText()).isEqualTo("IMPACT_SIMULATION");
            assertThat(job.path("done").asLong()).isEqualTo(4);
            assertThat(job.path("percent").asDouble()).isEqualTo(100.0);
            assertThat(job.path("result").asText()).isEqualTo("/api/v1/rule-sets/abc/impact?against=def");
            assertThat(job.path("requestedBy").asText()).isEqualTo("policy-officer-li");
            assertThat(job.path("finishedAt").isTextual()).isTrue();
            assertThat(job.has("error"))
                    .as("every field is there, null when empty")
                    .isTrue();
            assertThat(job.path("error").isNull()).isTrue();
            assertThat(job.path("eta").isNull()).isTrue();
            assertThat(stream.next(SOON).name())
                    .as("the stream ends after finished")
                    .isEqualTo(EventStream.END);
        }
        assertThat(http.get("/api/v1/jobs/" + run.id(), VIEWER)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void theEtaFollowsTheRateSoFarAndIsNullBeforeAnythingIsDone() throws Exception {
        JobRun run = jobs.queue(JobKind.CREDIT_EVALUATION, null);
        run.total(10);
        JsonNode started = job(run.id());
        assertThat(started.path("state").asText()).isEqualTo("RUNNING");
        assertThat(started.path("percent").asDouble()).isZero();
        assertThat(started.path("eta").isNull()).isTrue();

        Thread.sleep(300);
        run.advance(5);
        Instant asked = Instant.now();
        JsonNode half = job(run.id());

        assertThat(half.path("percent").asDouble()).isEqualTo(50.0);
        Instant startedAt = Instant.parse(half.path("startedAt").asText());
        Instant eta = Instant.parse(half.path("eta").asText());
        // half done since the start: the other half takes as long again
        Duration sinceStart = Duration.between(startedAt, asked);
        assertThat(eta).isAfter(asked).isBeforeOrEqualTo(startedAt.plus(sinceStart.multipliedBy(2)));
        assertThat(Duration.between(startedAt, eta)).isGreaterThanOrEqualTo(Duration.ofMillis(600));

        run.succeeded(null);
        JsonNode done = job(run.id());
        assertThat(done.path("eta").isNull()).isTrue();
        assertThat(done.path("done").asLong()).isEqualTo(10);
        assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void progressIsWrittenToMysqlAtABoundedRateNeverPerItem() throws Exception {
        JobRun run = jobs.queue(JobKind.RISK_RECOMPUTE, null);
        run.total(1001);
        for (int i = 0; i < 1000; i++) {
            run.advance(1);
        }

        // the instance running it knows at once; MySQL hears of it at most once a second
        assertThat(job(run.id()).path("done").asLong()).isEqualTo(1000);
        assertThat(storedDone(run.id())).isZero();
        Thread.sleep(1100);
        run.advance(1);
        assertThat(storedDone(run.id())).isEqualTo(1001);
        run.succeeded(null);
    }

    @Test
    void aJobThatFailsIsFailedWithAProblemAndAClientConnectingAfterTheEndGetsItAtOnce() throws Exception {
        Job submitted = jobs.submit(JobKind.INSPECTION_PLAN, "dispatch", progress -> {
            progress.total(3);
            progress.advance(1);
            throw new IllegalStateException("the disk is full");
        });
        JsonNode failed = awaitFinished(submitted.id());

        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("done").asLong()).isEqualTo(1);
        assertThat(failed.path("total").asLong()).isEqualTo(3);
        assertThat(failed.path("result").isNull()).isTrue();
        JsonNode problem = failed.path("error");
        assertThat(problem.path("type").asText()).isEqualTo("urn:safereg:problem:job-failed");
        assertThat(problem.path("title").asText()).isEqualTo("Job failed");
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/jobs/" + submitted.id());
        assertThat(problem.path("detail").asText())
                .contains(problem.path("incident").asText())
                .doesNotContain("disk");

        try (EventStream stream = EventStream.open(events(submitted.id()), VIEWER)) {
            EventStream.Event first = stream.next(Duration.ofSeconds(2));
            assertThat(first.name()).isEqualTo("finished");
            assertThat(first.data()).isEqualTo(failed);
            assertThat(stream.next(SOON).name()).isEqualTo(EventStream.END);
        }
    }

    @Test
    void aJobWhoseInstanceDiedIsFailedAsAbandonedAndItsFollowersHearTheEnd() throws Exception {
        Instant silent = Instant.now().minus(Duration.ofMinutes(5));
        jdbc.update(
                "INSERT INTO jobs (kind, state, done, total, owner, queued_at, started_at, progress_at, heartbeat_at)"
                        + " VALUES ('IMPACT_SIMULATION', 'RUNNING', 40, 100, 'a-dead-instance', ?, ?, ?, ?)",
                Timestamp.from(silent),
                Timestamp.from(silent),
                Timestamp.from(silent),
                Timestamp.from(silent));
        long dead = jdbc.queryForObject("SELECT MAX(id) FROM jobs", Long.class);
        JobRun alive = jobs.queue(JobKind.IMPACT_SIMULATION, null);

        try (EventStream stream = EventStream.open(events(dead), VIEWER)) {
            assertThat(stream.next(SOON).data().path("state").asText()).isEqualTo("RUNNING");

            assertThat(jobs.abandonSilent()).isEqualTo(1);

            EventStream.Event finished = stream.until("finished", SOON).stream()
                    .reduce((first, second) -> second)
                    .orElseThrow();
            assertThat(finished.name()).isEqualTo("finished");
            assertThat(finished.data().path("state").asText()).isEqualTo("FAILED");
            assertThat(finished.data().path("done").asLong()).isEqualTo(40);
            assertThat(finished.data().path("error").path("type").asText())
                    .isEqualTo("urn:safereg:problem:job-abandoned");
            assertThat(finished.data().path("error").path("status").asInt()).isEqualTo(503);
        }
        assertThat(job(alive.id()).path("state").asText())
                .as("a job whose instance writes its heartbeat")
                .isEqualTo("QUEUED");
        alive.succeeded(null);
    }

    @Test
    void jobsAreListedNewestFirstByKindAndStateInPages() {
        JobRun first = jobs.queue(JobKind.RISK_RECOMPUTE, null);
        first.succeeded("/api/v1/risk/enterprises");
        JobRun second = jobs.queue(JobKind.RISK_RECOMPUTE, null);
        second.failed("nothing to recompute");
        JobRun third = jobs.queue(JobKind.RISK_RECOMPUTE, null);
        jobs.queue(JobKind.INSPECTION_PLAN, "dispatch").succeeded("/api/v1/inspection-plans/1");

        JsonNode page =
                http.get("/api/v1/jobs?kind=RISK_RECOMPUTE&limit=2", VIEWER).getBody();
        assertThat(page.path("items").findValuesAsText("id"))
                .containsExactly(String.valueOf(third.id()), String.valueOf(second.id()));
        assertThat(page.path("items").get(0).path("state").asText()).isEqualTo("QUEUED");
        JsonNode next = http.get("/api/v1/jobs?kind=RISK_RECOMPUTE&limit=2&before=" + page.path("next"), VIEWER)
                .getBody();
        assertThat(next.path("items").findValuesAsText("id")).containsExactly(String.valueOf(first.id()));
        assertThat(next.path("next").isMissingNode() || next.path("next").isNull())
                .isTrue();

        JsonNode failed = http.get("/api/v1/jobs?state=FAILED", VIEWER).getBody();
        assertThat(failed.path("items")).singleElement().satisfies(job -> {
            assertThat(job.path("id").asLong()).isEqualTo(second.id());
            assertThat(job.path("error").path("detail").asText()).isEqualTo("nothing to recompute");
        });
        assertThat(http.get("/api/v1/jobs?kind=SOMETHING", VIEWER).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        third.succeeded(null);
    }

    @Test
    void anUnknownJobIsNotFoundAndOnlyStaffReadJobs() throws Exception {
        ResponseEntity<JsonNode> unknown = http.get("/api/v1/jobs/987654321", VIEWER);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:not-found");
        try (EventStream stream = EventStream.open(events(987654321), VIEWER)) {
            assertThat(stream.status()).isEqualTo(404);
        }

        JobRun run = jobs.queue(JobKind.CREDIT_EVALUATION, null);
        assertThat(http.get("/api/v1/jobs/" + run.id(), TestTokens.enterprise(Province.unknownCode()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("/api/v1/jobs/" + run.id(), TestTokens.dispatch()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        run.succeeded(null);
    }

    @Test
    void anEventStreamMayCarryItsTokenInTheQueryAsABrowsersEventSourceMustAndNothingElseMay() throws Exception {
        JobRun run = jobs.queue(JobKind.IMPACT_SIMULATION, null);
        run.succeeded(null);
        HttpClient client = HttpClient.newHttpClient();
        String query = "?access_token=" + VIEWER;

        HttpResponse<String> stream = client.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/jobs/" + run.id() + "/events" + query))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).contains("event:finished");

        HttpResponse<String> plain = client.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/jobs/" + run.id() + query))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(401);
    }

    @Test
    void fullCreditAndRiskRunsReportThroughTheJobResource() throws Exception {
        Province province = Province.reset(jdbc, redis);
        province.middlingChemicalPlant();
        province.exemplaryChemicalPlant();

        long creditRun = http.post("/api/v1/credit/evaluations", TestTokens.policyAdmin(), null)
                .getBody()
                .path("id")
                .asLong();
        JsonNode credit = awaitFinished(jobOfCreditRun(creditRun));
        assertThat(credit.path("kind").asText()).isEqualTo("CREDIT_EVALUATION");
        assertThat(credit.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(credit.path("requestedBy").asText()).isEqualTo("policy-admin");
        assertThat(credit.path("total").asLong()).isEqualTo(2);
        assertThat(credit.path("done").asLong()).isEqualTo(2);
        assertThat(http.get(credit.path("result").asText(), VIEWER)
                        .getBody()
                        .path("processed")
                        .asInt())
                .isEqualTo(2);

        ResponseEntity<JsonNode> requested = http.post("/api/v1/risk/evaluations", TestTokens.policyAdmin(), null);
        assertThat(requested.getBody().path("state").asText()).isEqualTo("STARTED");
        String location = requested.getHeaders().getLocation().toString();
        assertThat(location).startsWith("/api/v1/jobs/");
        JsonNode risk = awaitFinished(Long.parseLong(location.substring("/api/v1/jobs/".length())));
        assertThat(risk.path("kind").asText()).isEqualTo("RISK_RECOMPUTE");
        assertThat(risk.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(risk.path("requestedBy").asText()).isEqualTo("policy-admin");
        assertThat(risk.path("done").asLong()).isEqualTo(2);
        assertThat(risk.path("total").asLong()).isEqualTo(2);
        assertThat(risk.path("result").asText()).isEqualTo("/api/v1/risk/enterprises");
    }

    private long jobOfCreditRun(long creditRun) throws InterruptedException {
        String result = "/api/v1/credit/evaluations/" + creditRun;
        for (int i = 0; i < 200; i++) {
            for (JsonNode job : http.get("/api/v1/jobs?kind=CREDIT_EVALUATION", VIEWER)
                    .getBody()
                    .path("items")) {
                if (result.equals(job.path("result").asText())) {
                    return job.path("id").asLong();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no job reports credit run " + creditRun);
    }

    private JsonNode awaitFinished(long id) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            JsonNode job = job(id);
            if (job.path("state").asText().equals("SUCCEEDED")
                    || job.path("state").asText().equals("FAILED")) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private JsonNode job(long id) {
        ResponseEntity<JsonNode> job = http.get("/api/v1/jobs/" + id, VIEWER);
        assertThat(job.getStatusCode()).isEqualTo(HttpStatus.OK);
        return job.getBody();
    }

    private long storedDone(long id) {
        return jdbc.queryForObject("SELECT done FROM jobs WHERE id = ?", Long.class, id);
    }

    private URI events(long id) {
        return URI.create(base() + "/api/v1/jobs/" + id + "/events");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}

package org.safereg.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safereg.SafeRegApplication;
import org.safereg.support.EventStream;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.RealStores;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances on one MySQL: a job one of them runs is read, and followed to its end, on the other. */
@IntegrationTest
class JobsAcrossInstancesIntegrationTests {

    private static final String VIEWER = TestTokens.token("viewer", List.of("POLICY_VIEWER"), null);

    private static ConfigurableApplicationContext second;

    @Autowired
    Jobs jobs;

    @BeforeAll
    static void startASecondInstance() {
        second = new SpringApplicationBuilder(SafeRegApplication.class)
                .initializers(new RealStores())
                .properties("server.port=0")
                .run();
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aJobRunHereIsReadAndFollowedToItsEndOnTheOtherInstance() throws Exception {
        String other = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
        Http otherApi = new Http(new TestRestTemplate(new RestTemplateBuilder().rootUri(other)));
        JobRun run = jobs.queue(JobKind.IMPACT_SIMULATION, "policy-officer-li");
        run.total(10);

        try (EventStream stream =
                EventStream.open(URI.create(other + "/api/v1/jobs/" + run.id() + "/events"), VIEWER)) {
            EventStream.Event first = stream.next(Duration.ofSeconds(20));
            assertThat(first.name()).isEqualTo("progress");
            assertThat(first.data().path("state").asText()).isEqualTo("RUNNING");
            assertThat(first.data().path("total").asLong()).isEqualTo(10);

            // the running instance writes its progress at most once a second; the other reads what was written
            run.advance(4);
            Thread.sleep(1100);
            run.advance(2);
            JsonNode read = otherApi.get("/api/v1/jobs/" + run.id(), VIEWER).getBody();
            assertThat(read.path("state").asText()).isEqualTo("RUNNING");
            assertThat(read.path("done").asLong()).isEqualTo(6);
            assertThat(read.path("percent").asDouble()).isEqualTo(60.0);
            assertThat(read.path("eta").isTextual())
                    .as("estimated from the rate written")
                    .isTrue();

            // the other instance's stream hears of it (having maybe heard of 4 done before, when written)
            long heard = 0;
            while (heard < 6) {
                EventStream.Event progress = stream.next(Duration.ofSeconds(20));
                assertThat(progress.name()).isEqualTo("progress");
                assertThat(progress.data().path("done").asLong()).isGreaterThan(heard);
                heard = progress.data().path("done").asLong();
            }
            assertThat(heard).isEqualTo(6);

            run.succeeded("/api/v1/rule-sets/abc/impact?against=def");
            List<EventStream.Event> events = stream.until("finished", Duration.ofSeconds(20));
            EventStream.Event finished = events.get(events.size() - 1);
            assertThat(finished.name()).isEqualTo("finished");
            assertThat(finished.data().path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(finished.data().path("result").asText()).isEqualTo("/api/v1/rule-sets/abc/impact?against=def");
        }
    }
}

package org.safereg.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The change feed followed from a cursor through the API, against MariaDB. */
@IntegrationTest
class ChangeFeedIntegrationTests {

    static final String DEPARTMENT = TestTokens.token("statistics-bureau", List.of("DEPARTMENT"), null);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DecisionChanges changes;

    @Autowired
    PlatformTransactionManager transactionManager;

    private Http http;
    private Province.Enterprise plant;
    private Province.Enterprise mine;

    @BeforeEach
    void twoEnterprises() {
        Province province = Province.reset(jdbc, redis);
        plant = province.exemplaryChemicalPlant();
        mine = province.enterprise("矿业有限公司", "NON_COAL_MINE", "VALID");
        http = new Http(rest);
    }

    @Test
    void aCreditDecisionAnImportCausedIsInTheFeedWithItsVersion() {
        String accidents = "credit_code,occurred_on,grade,deaths,description\n" + plant.code() + ","
                + LocalDate.now().minusDays(9) + ",SERIOUS,10,爆炸\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(DEPARTMENT);
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> imported = rest.exchange(
                "/api/v1/exchange/datasets/accidents",
                HttpMethod.POST,
                new HttpEntity<>(accidents.getBytes(StandardCharsets.UTF_8), headers),
                JsonNode.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode credit = await(() -> readAll("0", 50).stream()
                .filter(e -> e.path("kind").asText().equals("CREDIT"))
                .filter(e -> e.path("enterprise").asText().equals(plant.code()))
                .findFirst()
                .orElse(null));

        assertThat(credit.path("value").asText()).isEqualTo("D");
        assertThat(credit.path("ruleSetVersion").asText()).hasSize(64);
        assertThat(credit.path("decidedAt").asText()).isNotEmpty();
    }

    @Test
    void aFollowerPagesThroughEveryEntryInOrderFromItsCursor() {
        String start = readAllFrom("0");
        for (int i = 0; i < 5; i++) {
            record(plant.id(), "T" + i);
        }

        List<String> values = new ArrayList<>();
        List<Long> cursors = new ArrayList<>();
        String cursor = start;
        for (int page = 0; page < 10; page++) {
            JsonNode answer = http.get("/api/v1/changes?after=" + cursor + "&limit=2", DEPARTMENT)
                    .getBody();
            if (answer.path("items").isEmpty()) {
                assertThat(answer.path("next").asText()).isEqualTo(cursor);
                break;
            }
            assertThat(answer.path("items").size()).isLessThanOrEqualTo(2);
            answer.path("items").forEach(item -> {
                values.add(item.path("value").asText());
                cursors.add(item.path("cursor").asLong());
            });
            cursor = answer.path("next").asText();
        }

        assertThat(values).containsExactly("T0", "T1", "T2", "T3", "T4");
        assertThat(cursors).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anEntryWhoseTransactionCommitsLateIsReadAfterTheCursorNeverSkipped() throws Exception {
        String start = readAllFrom("0");
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the slow decision takes its id first and commits last
        CompletableFuture<Void> slow = CompletableFuture.runAsync(
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    record(plant.id(), "LATE");
                    written.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        record(mine.id(), "EARLY");

        JsonNode first = http.get("/api/v1/changes?after=" + start + "&limit=100", DEPARTMENT)
                .getBody();
        List<String> seen = new ArrayList<>();
        first.path("items").forEach(item -> seen.add(item.path("value").asText()));
        assertThat(seen).containsExactly("EARLY");

        release.countDown();
        slow.get(10, TimeUnit.SECONDS);
        JsonNode second = http.get("/api/v1/changes?after=" + first.path("next").asText() + "&limit=100", DEPARTMENT)
                .getBody();
        List<String> then = new ArrayList<>();
        second.path("items").forEach(item -> then.add(item.path("value").asText()));
        assertThat(then).containsExactly("LATE");
    }

    @Test
    void aCursorThatIsNotOneIsABadRequestAndAnEnterpriseMayNotFollow() {
        assertThat(http.get("/api/v1/changes?after=abc", DEPARTMENT).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.get("/api/v1/changes", TestTokens.enterprise(plant.code()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void record(long enterpriseId, String value) {
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> changes.record(List.of(
                        new DecisionChange("TASK", enterpriseId, value, null, "TEST", null, null, Instant.now()))));
    }

    /** Reads to the end and answers the cursor there. */
    private String readAllFrom(String cursor) {
        while (true) {
            JsonNode answer = http.get("/api/v1/changes?after=" + cursor + "&limit=1000", DEPARTMENT)
                    .getBody();
            if (answer.path("items").isEmpty()) {
                return cursor;
            }
            cursor = answer.path("next").asText();
        }
    }

    private List<JsonNode> readAll(String cursor, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        while (true) {
            JsonNode answer = http.get("/api/v1/changes?after=" + cursor + "&limit=" + limit, DEPARTMENT)
                    .getBody();
            if (answer.path("items").isEmpty()) {
                return entries;
            }
            answer.path("items").forEach(entries::add);
            cursor = answer.path("next").asText();
        }
    }

    private static <T> T await(java.util.function.Supplier<T> probe) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not in the feed within 30 s");
    }
}

package org.safereg.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.Http;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An enterprise's own page: the reasons in sentences, and the smallest change of its facts that lifts its tier,
 * which, once it is made in the facts and credit is evaluated again, does lift it.
 */
@IntegrationTest
class GuidanceIntegrationTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    Http http;
    Province province;

    @BeforeEach
    void reset() {
        http = new Http(rest);
        province = Province.reset(jdbc, redis);
    }

    @Test
    void theSmallestSuggestedChangeLiftsTheTierWhenItIsMadeInTheFacts() throws InterruptedException {
        Province.Enterprise plant = province.middlingChemicalPlant();
        String token = TestTokens.enterprise(plant.code());
        JsonNode page = guidance(plant.code(), token);

        assertThat(page.at("/credit/tier").asText()).isEqualTo("B");
        assertThat(page.at("/summary/0").asText()).contains("信用等级为 B 级（基本守信）");
        // every indicator is explained by the band row that scored it, with its workbook and row
        for (JsonNode indicator : page.at("/credit/indicators")) {
            assertThat(indicator.at("/rule/file").asText()).isEqualTo("decision-tables/credit-scoring.xlsx");
            assertThat(indicator.at("/rule/row").isInt()).isTrue();
            assertThat(indicator.get("sentence").asText())
                    .contains(indicator.get("name").asText())
                    .contains("计入总分");
        }
        assertThat(page.at("/credit/costliest").asText()).isNotEmpty();
        JsonNode improvements = page.at("/credit/improvements");
        assertThat(improvements.size()).isGreaterThan(0);
        for (JsonNode improvement : improvements) {
            assertThat(improvement.get("tier").asText()).isLessThan("B");
            assertThat(improvement.get("sentence").asText()).contains("等级升为");
        }

        // make the first suggestion true in the facts, then evaluate credit as the nightly run does
        JsonNode first = improvements.get(0);
        String expectedTier = first.get("tier").asText();
        for (JsonNode change : first.get("changes")) {
            apply(plant, change);
        }
        assertThat(guidance(plant.code(), token).at("/credit/tier").asText()).isEqualTo(expectedTier);
        evaluateCredit();
        ResponseEntity<JsonNode> credit = http.get("/api/v1/enterprises/" + plant.code() + "/credit", token);
        assertThat(credit.getBody().get("tier").asText()).isEqualTo(expectedTier);
        assertThat(credit.getBody().get("score").asDouble())
                .isEqualTo(first.get("score").asDouble());
    }

    @Test
    void aVetoOverASeriousAccidentCannotBeLiftedByAnyChangeUntilItLapses() {
        LocalDate accident = LocalDate.now().minusMonths(6);
        Province.Enterprise plant = province.exemplaryChemicalPlant().accident(accident, "SERIOUS", 2, false);
        JsonNode page = guidance(plant.code(), TestTokens.enterprise(plant.code()));

        assertThat(page.at("/credit/tier").asText()).isEqualTo("D");
        assertThat(page.at("/credit/scoreTier").asText()).isEqualTo("A");
        assertThat(page.at("/credit/liftable").asBoolean()).isFalse();
        assertThat(page.at("/credit/improvements").size()).isZero();
        assertThat(page.at("/credit/vetoes/0").asText()).contains("一票否决");
        // the rules in force stop vetoing when the accident is 36 months old
        LocalDate lapses = LocalDate.parse(page.at("/credit/vetoLapsesOn").asText());
        assertThat(lapses).isAfter(accident.plusMonths(35)).isBeforeOrEqualTo(accident.plusMonths(37));
        assertThat(page.get("summary").toString()).contains("不能提升信用等级");
    }

    @Test
    void aSuspendedLicenceIsAChangeThatLiftsTheTier() {
        Province.Enterprise plant = province.exemplaryChemicalPlant();
        jdbc.update("UPDATE enterprises SET licence_status = 'SUSPENDED' WHERE id = ?", plant.id());
        JsonNode page = guidance(plant.code(), TestTokens.policyAdmin());
        assertThat(page.at("/credit/tier").asText()).isEqualTo("D");
        JsonNode first = page.at("/credit/improvements/0");
        assertThat(first.at("/changes/0/fact").asText()).isEqualTo("licenceStatus");
        assertThat(first.at("/changes").size()).isEqualTo(1);
        assertThat(first.get("tier").asText()).isEqualTo("A");
    }

    @Test
    void anEnterpriseReadsOnlyItsOwnPageAndBadCodesAreProblems() {
        Province.Enterprise mine = province.middlingChemicalPlant();
        Province.Enterprise other = province.exemplaryChemicalPlant();
        ResponseEntity<JsonNode> foreign =
                http.get("/api/v1/enterprises/" + other.code() + "/guidance", TestTokens.enterprise(mine.code()));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("/api/v1/enterprises/NOTACODE/guidance", TestTokens.policyAdmin())
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.get("/api/v1/enterprises/" + Province.unknownCode() + "/guidance", TestTokens.policyAdmin())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode guidance(String code, String token) {
        ResponseEntity<JsonNode> answer = http.get("/api/v1/enterprises/" + code + "/guidance", token);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Makes one suggested change true in the facts the departments hold. */
    private void apply(Province.Enterprise plant, JsonNode change) {
        int before = Integer.parseInt(change.get("before").asText().split("/")[0]);
        int after = Integer.parseInt(change.get("after").asText().split("/")[0]);
        switch (change.get("fact").asText()) {
            case "drillsCompleted" -> {
                for (int i = before; i < after; i++) {
                    int done = jdbc.update(
                            "UPDATE drills SET completed_on = planned_on WHERE enterprise_id = ? AND completed_on IS NULL"
                                    + " ORDER BY planned_on LIMIT 1",
                            plant.id());
                    if (done == 0) {
                        plant.drill(LocalDate.now().minusDays(1), true);
                    }
                }
            }
            case "employeesTrained" ->
                jdbc.update(
                        "UPDATE trainings SET employees_trained = ? WHERE enterprise_id = ? AND training_year = ?",
                        after,
                        plant.id(),
                        LocalDate.now().getYear());
            default -> throw new AssertionError("this test cannot yet make " + change + " true");
        }
    }

    private void evaluateCredit() throws InterruptedException {
        ResponseEntity<JsonNode> started = http.post("/api/v1/credit/evaluations", TestTokens.policyAdmin(), null);
        long id = started.getBody().get("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = http.get("/api/v1/credit/evaluations/" + id, TestTokens.policyAdmin())
                    .getBody();
            if (!"RUNNING".equals(job.get("state").asText())) {
                assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("credit evaluation " + id + " did not finish");
    }
}

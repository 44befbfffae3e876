package org.safereg.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safereg.support.DevTokens;
import org.safereg.support.EmbeddedProvince;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The indicators and an enterprise's page on the embedded default (H2 in MySQL mode, a small synthetic province):
 * the same SQL runs there, and its counts agree with the facts the province was generated with.
 */
@EmbeddedProvince
class IndicatorsEmbeddedIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theIndicatorsOfTheSyntheticProvinceAgreeWithItsFacts() throws Exception {
        String token = token("{\"subject\": \"li\", \"roles\": [\"POLICY_VIEWER\"]}");
        int year = LocalDate.now().getYear();
        for (String granularity : new String[] {"MONTH", "QUARTER", "YEAR"}) {
            JsonNode report = read(mvc.perform(get("/api/v1/indicators?granularity=" + granularity)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)));
            assertThat(report.get("periods").size()).isEqualTo(12);
        }
        JsonNode years = read(mvc.perform(get("/api/v1/indicators?granularity=YEAR&from=" + (year - 1) + "&to=" + year)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)));
        long accidents = jdbc.queryForObject(
                "SELECT COUNT(*) FROM accidents WHERE occurred_on >= ? AND occurred_on < ?",
                Long.class,
                LocalDate.of(year - 1, 1, 1),
                LocalDate.of(year, 1, 1));
        long verified = jdbc.queryForObject(
                "SELECT COUNT(*) FROM hazards WHERE verified_on >= ? AND verified_on < ?",
                Long.class,
                LocalDate.of(year - 1, 1, 1),
                LocalDate.of(year, 1, 1));
        JsonNode lastYear = years.at("/periods/0");
        assertThat(lastYear.at("/accidents/total").asLong()).isEqualTo(accidents);
        assertThat(lastYear.at("/rectification/verified").asLong()).isEqualTo(verified);
        long evaluated = jdbc.queryForObject("SELECT COUNT(DISTINCT enterprise_id) FROM credit_history", Long.class);
        JsonNode thisYear = years.at("/periods/1");
        long tiers = 0;
        for (JsonNode n : thisYear.get("credit")) {
            tiers += n.asLong();
        }
        assertThat(tiers).isEqualTo(evaluated);

        JsonNode map = read(
                mvc.perform(get("/api/v1/indicators/heat-map").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)));
        long mapped = 0;
        for (JsonNode region : map.get("regions")) {
            mapped += region.get("enterprises").asLong();
        }
        assertThat(mapped).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM enterprises", Long.class));
    }

    @Test
    void anEnterpriseReadsItsOwnPageOnTheEmbeddedDefault() throws Exception {
        String code = jdbc.queryForObject(
                "SELECT e.credit_code FROM enterprises e JOIN credit_results c ON c.enterprise_id = e.id"
                        + " WHERE c.tier = 'C' ORDER BY e.id LIMIT 1",
                String.class);
        String token = token("{\"subject\": \"e1\", \"roles\": [\"ENTERPRISE\"], \"enterpriseId\": \"" + code + "\"}");
        JsonNode page = read(mvc.perform(
                get("/api/v1/enterprises/" + code + "/guidance").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)));
        assertThat(page.at("/credit/tier").asText()).isEqualTo("C");
        assertThat(page.get("summary").get(0).asText()).contains("信用等级为 C 级");
    }

    private String token(String claims) throws Exception {
        return DevTokens.mint(mvc, json, claims);
    }

    private JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        String body = result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.andReturn().getResponse().getStatus()).as(body).isEqualTo(200);
        return json.readTree(body);
    }
}

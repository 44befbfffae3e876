package org.safereg.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safereg.support.DevTokens;
import org.safereg.support.EmbeddedProvince;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A province plan on the embedded default (H2 in MySQL mode, a small synthetic province). On MySQL/MariaDB the
 * plan streams its enterprises with a statement of its own (a fetch size H2 refuses); here the plain one reads
 * them, and the plan must still cover every enterprise of the province.
 */
@EmbeddedProvince
class InspectionPlanEmbeddedIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void dispatchPlansTheWholeSyntheticProvinceOnTheEmbeddedDefault() throws Exception {
        String token = token("{\"subject\": \"dispatch\", \"roles\": [\"DISPATCH\"]}");
        LocalDate today = LocalDate.now();
        LocalDate nextQuarter = today.withDayOfMonth(1)
                .withMonth(today.getMonthValue() - (today.getMonthValue() - 1) % 3)
                .plusMonths(3);
        String request =
                """
                {"region": "140000", "period": {"kind": "QUARTER", "start": "%s"}, "seed": 7,
                 "inspectors": [{"id": "P1", "name": "王五", "region": "140000", "capacity": 400, "conflicts": []},
                                {"id": "P2", "name": "赵六", "region": "140000", "capacity": 400, "conflicts": []}]}
                """
                        .formatted(nextQuarter);

        ResultActions created = mvc.perform(post("/api/v1/inspection-plans")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(request));
        String body = created.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(created.andReturn().getResponse().getStatus()).as(body).isEqualTo(201);
        JsonNode plan = json.readTree(body);
        long id = plan.path("id").asLong();
        int total = plan.path("counts").path("total").asInt();
        assertThat(total).isPositive();
        assertThat(plan.path("mandatory").size() + plan.path("random").size()).isEqualTo(total);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inspection_plan_items WHERE plan_id = ?", Integer.class, id))
                .isEqualTo(total);

        String statistics = mvc.perform(get("/api/v1/inspection-plans/" + id + "/statistics")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(statistics).path("enterprisesInScope").asInt())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM enterprises WHERE region_code LIKE '14%'", Integer.class));
    }

    private String token(String claims) throws Exception {
        return DevTokens.mint(mvc, json, claims);
    }
}

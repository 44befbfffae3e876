package org.safereg.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** The heat map names, for each risk level, region and sector, the main hazard types of the open hazards. */
@IntegrationTest
class HeatMapHazardTypesIntegrationTests {

    private static final String INSPECTOR = TestTokens.token("inspector-7", List.of("INSPECTOR"), null);
    private static final String REGULATOR = TestTokens.token("duty-officer", List.of("REGULATOR"), null);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RiskRecompute recompute;

    private Province province;
    private Http http;
    private LocalDate today;

    @BeforeEach
    void anEmptyProvince() {
        province = Province.reset(jdbc, redis);
        http = new Http(rest);
        today = LocalDate.now();
    }

    @Test
    void eachCellCountsEnterprisesPerHazardTypeOfTheirOpenHazardsNotTheirWording() {
        // three plants say "unlicensed special work" three ways; two of them also have ageing equipment
        Province.Enterprise a = province.enterprise("类型化工甲", "HAZARDOUS_CHEMICALS", "VALID");
        Province.Enterprise b = province.enterprise("类型化工乙", "HAZARDOUS_CHEMICALS", "VALID");
        Province.Enterprise c = province.enterprise("类型化工丙", "HAZARDOUS_CHEMICALS", "VALID");
        found(a, "电工无证上岗");
        found(a, "反应釜搅拌电机设备老化");
        found(b, "DCS 操作工未持证上岗");
        found(b, "输送泵带病运行");
        found(c, "叉车司机特种作业操作证过期");
        found(c, "未发现消防通道堵塞");
        Province.Enterprise shop = province.enterprise("类型商贸", "OTHER", "VALID");
        found(shop, "仓库消防通道堵塞");
        recompute.recomputeAll("TEST");

        JsonNode map =
                http.get("/api/v1/risk/heat-map?region=149900", REGULATOR).getBody();

        JsonNode chemicals = cell(map, "HAZARDOUS_CHEMICALS");
        assertThat(chemicals.path("enterprises").asInt()).isEqualTo(3);
        JsonNode types = chemicals.path("mainHazardTypes");
        assertThat(types).hasSize(2);
        assertThat(types.get(0).path("type").asText()).isEqualTo("UNCERTIFIED_WORK");
        assertThat(types.get(0).path("name").asText()).isEqualTo("特种作业无证上岗");
        assertThat(types.get(0).path("enterprises").asInt()).isEqualTo(3);
        assertThat(types.get(0).path("openHazards").asInt()).isEqualTo(3);
        assertThat(types.get(1).path("type").asText()).isEqualTo("EQUIPMENT_AGEING");
        assertThat(types.get(1).path("enterprises").asInt()).isEqualTo(2);
        // the raw descriptions stay where they were
        assertThat(chemicals.path("mainHazards")).isNotEmpty();
        JsonNode trade = cell(map, "OTHER");
        assertThat(trade.path("mainHazardTypes").get(0).path("type").asText()).isEqualTo("FIRE_SAFETY");

        // a rectified hazard is not a main hazard type any more
        long rectified = jdbc.queryForObject("SELECT MAX(id) FROM hazards WHERE description = '仓库消防通道堵塞'", Long.class);
        http.post(
                "/api/v1/hazards/" + rectified + "/rectification", INSPECTOR, Map.of("rectifiedOn", today.toString()));
        JsonNode after =
                http.get("/api/v1/risk/heat-map?region=149900", REGULATOR).getBody();
        assertThat(cell(after, "OTHER").path("mainHazardTypes")).isEmpty();
    }

    private void found(Province.Enterprise enterprise, String description) {
        assertThat(http.post(
                                "/api/v1/hazards",
                                INSPECTOR,
                                Map.of(
                                        "enterprise",
                                        enterprise.code(),
                                        "source",
                                        "DEPARTMENT_VERIFICATION",
                                        "grade",
                                        "GENERAL",
                                        "description",
                                        description,
                                        "foundOn",
                                        today.toString(),
                                        "deadline",
                                        today.plusDays(30).toString()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private static JsonNode cell(JsonNode map, String sector) {
        for (JsonNode cell : map.path("cells")) {
            if (cell.path("sector").asText().equals(sector)) {
                return cell;
            }
        }
        throw new AssertionError("no cell of " + sector + " in " + map);
    }
}

package org.safereg.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.enterprise.DepartmentFactsImported;
import org.safereg.enterprise.EnterpriseFactsChanged;
import org.safereg.support.FactsChangedRecorder;
import org.safereg.support.IntegrationTest;
import org.safereg.support.Province;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Other departments' facts in and out through the API, in every format, against MariaDB and Redis. */
@IntegrationTest
@Import(FactsChangedRecorder.class)
class ExchangeIntegrationTests {

    static final String DEPARTMENT = TestTokens.token("market-regulation", List.of("DEPARTMENT"), null);
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String JSONL = "application/x-ndjson";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    FactsChangedRecorder facts;

    private Province.Enterprise plant;
    private Province.Enterprise mine;
    private LocalDate today;

    @BeforeEach
    void twoEnterprises() {
        Province province = Province.reset(jdbc, redis);
        plant = province.exemplaryChemicalPlant();
        mine = province.enterprise("矿业有限公司", "NON_COAL_MINE", "VALID");
        today = LocalDate.now();
        facts.clear();
    }

    @Test
    void aRegistryInCsvAddsAndUpdatesEnterprisesByTheirCreditCode() {
        String newcomer = Province.unknownCode();
        String csv =
                """
                credit_code,name,region_code,sector,scale,employees,major_hazard_level,standardisation_grade,licence_status
                %s,新建化工有限公司,149901,HAZARDOUS_CHEMICALS,MEDIUM,230,2,,VALID
                %s,矿业有限公司,149901,NON_COAL_MINE,LARGE,900,,1,SUSPENDED
                """
                        .formatted(newcomer, mine.code());

        JsonNode report = imported("enterprises", CSV, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.path("state").asText()).isEqualTo("IMPORTED");
        assertThat(report.path("rows").asLong()).isEqualTo(2);
        assertThat(report.path("inserted").asInt()).isEqualTo(1);
        assertThat(report.path("updated").asInt()).isEqualTo(1);
        assertThat(report.path("unchanged").asInt()).isZero();
        assertThat(report.path("enterprises").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForMap(
                        "SELECT name, employees, major_hazard_level FROM enterprises WHERE credit_code = ?", newcomer))
                .containsEntry("name", "新建化工有限公司")
                .containsEntry("employees", 230);
        assertThat(jdbc.queryForObject(
                        "SELECT licence_status FROM enterprises WHERE credit_code = ?", String.class, mine.code()))
                .isEqualTo("SUSPENDED");
    }

    @Test
    void accidentsInXlsxAreReadFromTheWorksheetWithItsDates() throws IOException {
        byte[] workbook = xlsx(
                List.of("credit_code", "occurred_on", "grade", "deaths", "concealed", "description"),
                List.of(
                        List.of(mine.code(), today.minusDays(30), "GENERAL", 0, false, "皮带输送机卷入"),
                        List.of(mine.code(), today.minusDays(3), "LARGER", 3, false, "冒顶片帮")));

        JsonNode report = imported("accidents", XLSX, workbook);

        assertThat(report.path("inserted").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "SELECT grade FROM accidents WHERE enterprise_id = ? AND occurred_on = ?",
                        String.class,
                        mine.id(),
                        today.minusDays(3)))
                .containsExactly("LARGER");
    }

    @Test
    void penaltiesInJsonLinesReimportedChangeNothingAndSaySo() {
        String jsonl =
                """
                {"credit_code": "%1$s", "decision_no": "晋应急罚〔2026〕12号", "decided_on": "%2$s", "description": "未定期检测可燃气体报警器", "law_article": "WSL-99", "penalty_amount": 30000}
                {"credit_code": "%1$s", "decision_no": "晋应急罚〔2026〕13号", "decided_on": "%2$s", "description": "特种作业人员无证上岗", "law_article": "WSL-97", "penalty_amount": 50000.5, "fine_multiple": null}
                """
                        .formatted(plant.code(), today.minusDays(10));

        JsonNode first = imported("penalties", JSONL, jsonl.getBytes(StandardCharsets.UTF_8));
        JsonNode again = imported("penalties", JSONL, jsonl.getBytes(StandardCharsets.UTF_8));

        assertThat(first.path("inserted").asInt()).isEqualTo(2);
        assertThat(first.path("reevaluationJob").isNumber()).isTrue();
        assertThat(again.path("inserted").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(again.path("enterprises").asInt()).isZero();
        assertThat(again.hasNonNull("reevaluationJob")).isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM violations WHERE enterprise_id = ?", Integer.class, plant.id()))
                .isEqualTo(2);

        JsonNode amended =
                imported("penalties", JSONL, jsonl.replace("50000.5", "60000").getBytes(StandardCharsets.UTF_8));
        assertThat(amended.path("updated").asInt()).isEqualTo(1);
        assertThat(amended.path("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void aFileWithErrorsIsRefusedWholeWithEachRowColumnAndField() {
        String csv =
                """
                credit_code,occurred_on,grade,deaths,description
                %1$s,%2$s,GENERAL,0,机械伤害
                %1$s,2026-13-01,GENERAL,0,坍塌
                %3$s,%2$s,GENERAL,0,触电
                %1$s,%2$s,SMALL,0,高处坠落
                %1$s,%2$s,GENERAL,1,机械伤害（重复）
                """
                        .formatted(plant.code(), today.minusDays(5), Province.unknownCode());

        ResponseEntity<JsonNode> refused = post("accidents", CSV, csv.getBytes(StandardCharsets.UTF_8), "zh-CN");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = refused.getBody();
        assertThat(problem.path("type").asText()).isEqualTo("urn:safereg:problem:import-rejected");
        assertThat(problem.path("errorCount").asInt()).isEqualTo(4);
        List<String> places = new ArrayList<>();
        problem.path("errors")
                .forEach(e -> places.add(e.path("row").asText() + ":"
                        + e.path("column").asText() + ":" + e.path("field").asText()));
        assertThat(places).containsExactly("3:B:occurred_on", "5:C:grade", "6::", "4:A:credit_code");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("应为 YYYY-MM-DD 格式的日期");
        assertThat(problem.path("detail").asText()).contains("4 处错误").contains("未导入任何数据");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accidents", Integer.class))
                .isZero();
        assertThat(facts.events()).isEmpty();
        assertThat(rest.exchange(
                                "/api/v1/exchange/imports/"
                                        + problem.path("importId").asLong(),
                                HttpMethod.GET,
                                new HttpEntity<>(auth(null)),
                                JsonNode.class)
                        .getBody()
                        .path("state")
                        .asText())
                .isEqualTo("REJECTED");
    }

    @Test
    void aHeaderWithAnUnknownColumnOrWithoutARequiredOneIsAnErrorOfRowOne() {
        String csv = "credit_code,occured_on,grade,description\n" + plant.code() + ",2026-01-01,GENERAL,x\n";

        JsonNode problem = post("accidents", CSV, csv.getBytes(StandardCharsets.UTF_8), "en")
                .getBody();

        assertThat(problem.path("errors").get(0).path("row").asInt()).isEqualTo(1);
        assertThat(problem.path("errors").get(0).path("column").asText()).isEqualTo("B");
        assertThat(problem.path("errors").get(0).path("message").asText()).startsWith("is not a column of accidents");
        assertThat(problem.path("errors").get(1).path("field").asText()).isEqualTo("occurred_on");
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAsOneErrorOfRowOne() {
        JsonNode problem = post("trainings", XLSX, "credit_code,year\n".getBytes(StandardCharsets.UTF_8), "en")
                .getBody();

        assertThat(problem.path("type").asText()).isEqualTo("urn:safereg:problem:import-rejected");
        assertThat(problem.path("errorCount").asInt()).isEqualTo(1);
        assertThat(problem.path("errors").get(0).path("row").asInt()).isEqualTo(1);
        assertThat(problem.path("errors").get(0).path("message").asText())
                .startsWith("cannot be read as an XLSX workbook");
    }

    @Test
    void theDecisionsOfTheEnterprisesAnImportChangedAreReEvaluatedOnce() {
        String csv =
                """
                credit_code,occurred_on,grade,deaths,description
                %1$s,%2$s,SERIOUS,10,爆炸
                %1$s,%3$s,GENERAL,0,灼烫
                %4$s,%3$s,GENERAL,0,物体打击
                """
                        .formatted(plant.code(), today.minusDays(20), today.minusDays(2), mine.code());

        JsonNode report = imported("accidents", CSV, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.path("reevaluationJob").isNumber()).isTrue();

        List<EnterpriseFactsChanged> events = facts.events().stream()
                .filter(e -> e instanceof DepartmentFactsImported)
                .filter(e -> e.enterpriseIds().contains(plant.id()))
                .toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).enterpriseIds()).containsExactlyInAnyOrder(plant.id(), mine.id());
        assertThat(events.get(0).cause()).isEqualTo("IMPORT");
        assertThat(jdbc.queryForObject(
                        "SELECT tier FROM credit_results WHERE enterprise_id = ?", String.class, plant.id()))
                .isEqualTo("D");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit_history WHERE enterprise_id = ?", Integer.class, plant.id()))
                .isEqualTo(1);
    }

    @Test
    void everyFormatExportsWhatAnImportTakesBackUnchanged() throws IOException {
        imported(
                "drills",
                CSV,
                """
                        credit_code,kind,planned_on,completed_on
                        %1$s,COMPREHENSIVE,%2$s,%2$s
                        %3$s,ON_SITE,%2$s,
                        """
                        .formatted(plant.code(), today.minusDays(40), mine.code())
                        .getBytes(StandardCharsets.UTF_8));
        imported(
                "licences",
                JSONL,
                """
                        {"credit_code": "%s", "licence_no": "(晋)WH安许证字[2024]000123", "kind": "SAFETY_PRODUCTION", "issued_by": "省应急管理厅", "issued_on": "2024-03-01", "valid_until": "2027-02-28", "status": "VALID"}
                        """
                        .formatted(plant.code())
                        .getBytes(StandardCharsets.UTF_8));
        imported(
                "inspections",
                JSONL,
                """
                        {"credit_code": "%s", "record_no": "晋消检〔2026〕0087", "department": "消防救援支队", "inspected_on": "%s", "violations_found": 1, "hazards_found": 2, "conclusion": "RECTIFY", "note": "消防通道堵塞"}
                        """
                        .formatted(mine.code(), today.minusDays(3))
                        .getBytes(StandardCharsets.UTF_8));
        imported(
                "penalties",
                CSV,
                ("credit_code,decision_no,decided_on,description,law_article,penalty_amount,fine_multiple\n"
                                + plant.code() + ",晋应急罚〔2026〕7号," + today.minusDays(8)
                                + ",\"违规操作, 未整改\",WSL-102,20000.50,2.5\n")
                        .getBytes(StandardCharsets.UTF_8));
        imported(
                "accidents",
                CSV,
                ("credit_code,occurred_on,grade,deaths,concealed,description\n" + mine.code() + ","
                                + today.minusDays(12) + ",GENERAL,0,true,\"机械伤害\"\n")
                        .getBytes(StandardCharsets.UTF_8));
        java.util.Map<String, String> counts = java.util.Map.of(
                "enterprises", "SELECT COUNT(*) FROM enterprises",
                "licences", "SELECT COUNT(*) FROM licences",
                "accidents", "SELECT COUNT(*) FROM accidents",
                "penalties", "SELECT COUNT(*) FROM violations WHERE decision_no IS NOT NULL",
                "trainings", "SELECT COUNT(*) FROM trainings",
                "drills", "SELECT COUNT(*) FROM drills",
                "inspections", "SELECT COUNT(*) FROM inspection_results");
        for (String dataset :
                List.of("enterprises", "licences", "accidents", "penalties", "trainings", "drills", "inspections")) {
            for (String format : List.of("csv", "xlsx", "jsonl")) {
                ResponseEntity<byte[]> exported = rest.exchange(
                        "/api/v1/exchange/datasets/" + dataset + "?format=" + format,
                        HttpMethod.GET,
                        new HttpEntity<>(auth(null)),
                        byte[].class);
                assertThat(exported.getStatusCode()).isEqualTo(HttpStatus.OK);
                String type = format.equals("csv") ? CSV : format.equals("xlsx") ? XLSX : JSONL;
                assertThat(exported.getHeaders().getContentType().toString()).startsWith(type);

                JsonNode back = imported(dataset, type, exported.getBody());

                int stored = jdbc.queryForObject(counts.get(dataset), Integer.class);
                assertThat(stored).as(dataset).isPositive();
                assertThat(back.path("rows").asInt())
                        .as(dataset + " as " + format)
                        .isEqualTo(stored);
                assertThat(back.path("unchanged").asInt())
                        .as(dataset + " as " + format)
                        .isEqualTo(stored);
                assertThat(back.path("inserted").asInt() + back.path("updated").asInt())
                        .as(dataset + " as " + format)
                        .isZero();
            }
        }
    }

    @Test
    void onlyDepartmentsAndPolicyAdminsImport() {
        ResponseEntity<JsonNode> refused = rest.exchange(
                "/api/v1/exchange/datasets/accidents",
                HttpMethod.POST,
                new HttpEntity<>(
                        "credit_code,occurred_on,grade,description\n".getBytes(StandardCharsets.UTF_8),
                        headers(TestTokens.enterprise(plant.code()), CSV, null)),
                JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Imported, and its re-evaluation finished: no test leaves work running into the next one. */
    private JsonNode imported(String dataset, String type, byte[] body) {
        ResponseEntity<JsonNode> answer = post(dataset, type, body, null);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        if (answer.getBody().hasNonNull("reevaluationJob")) {
            awaitJob(answer.getBody().path("reevaluationJob").asLong());
        }
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> post(String dataset, String type, byte[] body, String language) {
        return rest.exchange(
                "/api/v1/exchange/datasets/" + dataset,
                HttpMethod.POST,
                new HttpEntity<>(body, headers(DEPARTMENT, type, language)),
                JsonNode.class);
    }

    private void awaitJob(long id) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            JsonNode job = rest.exchange(
                            "/api/v1/jobs/" + id, HttpMethod.GET, new HttpEntity<>(auth(null)), JsonNode.class)
                    .getBody();
            if (job.path("state").asText().equals("SUCCEEDED")) {
                return;
            }
            assertThat(job.path("state").asText()).isNotEqualTo("FAILED");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private static HttpHeaders auth(String language) {
        return headers(DEPARTMENT, null, language);
    }

    private static HttpHeaders headers(String token, String type, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (type != null) {
            headers.setContentType(MediaType.parseMediaType(type));
        }
        if (language != null) {
            headers.setAcceptLanguageAsLocales(List.of(Locale.forLanguageTag(language)));
        }
        return headers;
    }

    private static byte[] xlsx(List<String> header, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("事故");
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                first.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    Object value = rows.get(r).get(i);
                    if (value instanceof LocalDate date) {
                        row.createCell(i).setCellValue(date);
                        row.getCell(i).setCellStyle(dates);
                    } else if (value instanceof Integer n) {
                        row.createCell(i).setCellValue(n);
                    } else if (value instanceof Boolean b) {
                        row.createCell(i).setCellValue(b);
                    } else {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}

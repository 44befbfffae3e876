package org.safereg.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.rulesets.RuleSetApi.CREDIT;
import static org.safereg.rulesets.RuleSetApi.SHEET;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whatever an author uploads by mistake is refused with a message that says where and what, in English and
 * Chinese; the rule set in force stays as it was.
 */
@IntegrationTest
class RuleSetBadInputIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    RuleSetApi api;
    String inForce;
    int versionsBefore;

    @BeforeEach
    void remember() {
        api = new RuleSetApi(http);
        inForce = api.versionInForce();
        versionsBefore = versions();
    }

    @AfterEach
    void theRuleSetInForceIsUntouched() {
        assertThat(api.versionInForce()).isEqualTo(inForce);
    }

    @Test
    void aFileOfAnotherKindIsRefusedAndNothingIsStored() {
        JsonNode problem = refused(Map.of("credit-scoring.csv", "indicator,weight\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(problem.path("problems").get(0).path("file").asText()).isEqualTo("credit-scoring.csv");
        assertThat(problem.path("problems").get(0).path("message").asText())
                .contains("DRL files (.drl), DMN models (.dmn)")
                .endsWith("not this kind of file");
        assertThat(problem.path("problems").get(0).path("messageZh").asText()).contains("不接受此类文件");
        assertThat(versions()).isEqualTo(versionsBefore);
    }

    @Test
    void aMacroEnabledWorkbookIsRefusedByNameAndByContent() throws IOException {
        JsonNode byName = refused(Map.of("credit-scoring.xlsm", RuleSetApi.shipped(CREDIT)));
        JsonNode byContent = refused(Map.of(CREDIT, withMacros(RuleSetApi.shipped(CREDIT))));

        assertThat(byName.path("problems").get(0).path("message").asText())
                .startsWith("a macro-enabled workbook is not accepted");
        assertThat(byContent.path("problems").get(0).path("file").asText()).isEqualTo(CREDIT);
        assertThat(byContent.path("problems").get(0).path("messageZh").asText()).startsWith("不接受启用宏的工作簿");
        assertThat(versions()).isEqualTo(versionsBefore);
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefused() {
        JsonNode problem = refused(Map.of(CREDIT, "this is not a spreadsheet".getBytes(StandardCharsets.UTF_8)));

        assertThat(problem.path("problems").get(0).path("message").asText())
                .startsWith("not a readable Excel workbook");
    }

    @Test
    void anEmptyFileAndAnUploadWithoutFilesAreRefused() {
        assertThat(refused(Map.of(CREDIT, new byte[0]))
                        .path("problems")
                        .get(0)
                        .path("message")
                        .asText())
                .isEqualTo("the file is empty");
        assertThat(refused(Map.of()).path("problems").get(0).path("message").asText())
                .startsWith("the upload carries no file");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWith413() {
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(large, (byte) ' ');

        ResponseEntity<JsonNode> answer = api.upload(TestTokens.policyAdmin(), null, Map.of("credit-score.drl", large));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(answer.getBody().path("problems").get(0).path("message").asText())
                .isEqualTo("the file has 5242881 bytes, more than the 5242880 a rule file may have");
        assertThat(versions()).isEqualTo(versionsBefore);
    }

    @Test
    void aWorkbookWithOnlyAnEmptySheetIsRejected() throws IOException {
        byte[] empty;
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Sheet1");
            book.write(out);
            empty = out.toByteArray();
        }

        JsonNode problem = rejected(Map.of("inspection-frequency.xlsx", empty));

        assertThat(problem.path("problems").get(0).path("file").asText())
                .isEqualTo("decision-tables/inspection-frequency.xlsx");
        assertThat(problem.path("problems").get(0).path("message").asText()).startsWith("no rule table found");
        assertThat(problem.path("problems").get(0).path("messageZh").asText()).startsWith("未找到规则表");
    }

    @Test
    void anInvertedBandIsAnEmptyBandRejectedAtItsCell() {
        JsonNode problem = rejected(Map.of(CREDIT, RuleSetApi.edited(CREDIT, book -> {
            RuleSetApi.set(SHEET, "D23", 95).accept(book);
            RuleSetApi.set(SHEET, "E23", 90).accept(book);
        })));

        JsonNode empty = problem.path("problems").get(0);
        assertThat(empty.path("location").asText())
                .isEqualTo("decision-tables/credit-scoring.xlsx, sheet 'Credit scoring', cell D23");
        assertThat(empty.path("message").asText()).startsWith("the band is empty: its lower bound 95");
        assertThat(empty.path("messageZh").asText()).startsWith("此区间为空：下限 95 不低于上限 90");
    }

    @Test
    void aRuleTableWhoseHeaderCellWasDeletedIsRejectedInsteadOfDroppedSilently() {
        JsonNode problem = rejected(Map.of(CREDIT, RuleSetApi.edited(CREDIT, book -> {
            for (var row : book.getSheet(SHEET)) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().startsWith("RuleTable Scoring bands")) {
                        cell.setBlank();
                    }
                }
            }
        })));

        JsonNode headless = problem.path("problems").get(0);
        assertThat(headless.path("message").asText()).startsWith("a rule table without its \"RuleTable <name>\" cell");
        assertThat(headless.path("location").asText())
                .startsWith("decision-tables/credit-scoring.xlsx, sheet 'Credit scoring', cell");
        assertThat(headless.path("messageZh").asText()).startsWith("规则表缺少“RuleTable <名称>”单元格");
    }

    @Test
    void aNumberWithANoBreakSpaceOrInFullWidthDigitsIsTheNumberItShows() {
        for (String typed : List.of("55\u00A0", "\u3000５５", "５５．０")) {
            ResponseEntity<JsonNode> answer = api.upload(
                    TestTokens.policyAdmin(),
                    null,
                    Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "F23", typed))));

            assertThat(answer.getStatusCode()).as(typed).isEqualTo(HttpStatus.CREATED);
            assertThat(answer.getBody().path("problems")).as(typed).isEmpty();
        }
    }

    @Test
    void aFormulaWhereAValueIsExpectedIsRejectedAtItsCell() {
        JsonNode problem = rejected(Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "F23", "=40+10"))));

        assertThat(problem.path("problems").get(0).path("location").asText())
                .isEqualTo("decision-tables/credit-scoring.xlsx, sheet 'Credit scoring', cell F23");
        assertThat(problem.path("problems").get(0).path("cellText").asText()).isEqualTo("=40+10");
    }

    @Test
    void cellsMergedAcrossRuleRowsAreRejectedBecauseOnlyTheFirstRowWouldKeepTheValue() {
        JsonNode problem = rejected(Map.of(CREDIT, RuleSetApi.edited(CREDIT, book -> book.getSheet(SHEET)
                .addMergedRegion(CellRangeAddress.valueOf("C21:C22")))));

        JsonNode merged = problem.path("problems").get(0);
        assertThat(merged.path("location").asText())
                .isEqualTo("decision-tables/credit-scoring.xlsx, sheet 'Credit scoring', cell C21");
        assertThat(merged.path("message").asText()).startsWith("cells C21:C22 are merged inside the rules");
        assertThat(merged.path("messageZh").asText()).contains("合并了单元格 C21:C22");
    }

    @Test
    void aHiddenRuleRowOrColumnIsRejectedBecauseItWouldDecideUnseen() {
        JsonNode problem = rejected(Map.of(CREDIT, RuleSetApi.edited(CREDIT, book -> {
            book.getSheet(SHEET).getRow(22).setZeroHeight(true);
            book.getSheet(SHEET).setColumnHidden(4, true);
        })));

        assertThat(problem.path("problems"))
                .extracting(p -> p.path("location").asText() + " | "
                        + p.path("messageZh").asText())
                .containsExactlyInAnyOrder(
                        "decision-tables/credit-scoring.xlsx, sheet 'Credit scoring', cell E16 | 规则表“Scoring bands”的第 E"
                                + " 列被隐藏：其中的条件或动作会在无人看见的情况下生效；请取消隐藏该列",
                        "decision-tables/credit-scoring.xlsx, sheet 'Credit scoring', row 23 | 规则表“Scoring bands”的第 23"
                                + " 行被隐藏：该行规则会在无人看见的情况下生效；请取消隐藏或删除该行",
                        // column E is shared by the tier table further down, which the hidden column hides too
                        "decision-tables/credit-scoring.xlsx, sheet 'Credit scoring', cell E44 | 规则表“Tier cut-offs”的第 E"
                                + " 列被隐藏：其中的条件或动作会在无人看见的情况下生效；请取消隐藏该列");
    }

    @Test
    void aWorkbookFromAnotherProjectWithUnknownFactTypesIsRejected() {
        JsonNode problem = rejected(Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "C17", "m: Loan"))));

        assertThat(problem.path("problems").get(0).path("location").asText())
                .isEqualTo("decision-tables/credit-scoring.xlsx, sheet 'Credit scoring', cell C17");
        assertThat(problem.path("problems").get(0).path("messageZh").asText()).startsWith("事实类型“");
    }

    @Test
    void aDrlWithASyntaxErrorIsRejectedAtItsLine() {
        String drl = new String(RuleSetApi.shipped("credit-vetoes.drl"), StandardCharsets.UTF_8)
                .replaceFirst("then", "then (");

        JsonNode problem = rejected(Map.of("credit-vetoes.drl", drl.getBytes(StandardCharsets.UTF_8)));

        JsonNode first = problem.path("problems").get(0);
        assertThat(first.path("file").asText()).isEqualTo("rules/credit-vetoes.drl");
        assertThat(first.path("line").asInt()).isPositive();
        assertThat(first.path("messageZh").asText()).isNotBlank();
    }

    @Test
    void weightsThatDoNotAddUpToOneHundredAreRejected() {
        JsonNode problem = rejected(Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "D12", 25))));

        assertThat(problem.path("problems").get(0).path("message").asText())
                .isEqualTo("the weights in D10:D13 add up to 105 %, not 100 %");
        assertThat(problem.path("problems").get(0).path("messageZh").asText())
                .isEqualTo("权重 D10:D13 合计为 105 %，而非 100 %");
    }

    private JsonNode refused(Map<String, byte[]> files) {
        ResponseEntity<JsonNode> answer = api.upload(TestTokens.policyAdmin(), null, files);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:rule-file-refused");
        return answer.getBody();
    }

    private JsonNode rejected(Map<String, byte[]> files) {
        ResponseEntity<JsonNode> answer = api.upload(TestTokens.policyAdmin(), null, files);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("urn:safereg:problem:rule-set-rejected");
        String version = answer.getBody().path("version").asText();
        assertThat(jdbc.queryForObject("SELECT state FROM rule_sets WHERE version = ?", String.class, version))
                .isEqualTo("REJECTED");
        return answer.getBody();
    }

    private int versions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rule_sets", Integer.class);
    }

    /** The same workbook with a VBA project added, as Excel saves a macro-enabled workbook. */
    private static byte[] withMacros(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}

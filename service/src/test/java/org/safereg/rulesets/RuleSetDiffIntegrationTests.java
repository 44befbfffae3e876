package org.safereg.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.rulesets.RuleSetApi.CREDIT;
import static org.safereg.rulesets.RuleSetApi.SHEET;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Before activating, policy staff see exactly which rows and cells a version changes. */
@IntegrationTest
class RuleSetDiffIntegrationTests {

    @Autowired
    TestRestTemplate http;

    RuleSetApi api;
    String active;

    @BeforeEach
    void theVersionInForce() {
        api = new RuleSetApi(http);
        active = api.versionInForce();
    }

    @Test
    void oneEditedCellIsOneChangedRowWithThatCellBeforeAndAfter() {
        String version = upload(RuleSetApi.set(SHEET, "F23", 55));

        JsonNode diff = diff(version, null);

        assertThat(diff.path("against").asText()).isEqualTo(active);
        JsonNode credit = file(diff, "decision-tables/credit-scoring.xlsx");
        assertThat(credit.path("status").asText()).isEqualTo("CHANGED");
        assertThat(credit.path("rows")).singleElement().satisfies(row -> {
            assertThat(row.path("sheet").asText()).isEqualTo(SHEET);
            assertThat(row.path("row").asInt()).isEqualTo(23);
            assertThat(row.path("status").asText()).isEqualTo("CHANGED");
            assertThat(row.path("table").asText()).isEqualTo("Scoring bands");
            assertThat(row.path("rule").asText()).isEqualTo("Scoring bands_23");
            assertThat(row.path("cells")).singleElement().satisfies(cell -> {
                assertThat(cell.path("column").asText()).isEqualTo("F");
                assertThat(cell.path("header").asText()).isEqualTo("得分 Points");
                assertThat(cell.path("before").asText()).isEqualTo("50");
                assertThat(cell.path("after").asText()).isEqualTo("55");
            });
        });
        assertThat(file(diff, "rules/credit-vetoes.drl").path("status").asText())
                .isEqualTo("UNCHANGED");
    }

    @Test
    void anInsertedRowIsOneAddedRowAndTheRowsBelowItAreNotReportedAsChanged() {
        String version = upload(book -> {
            Sheet sheet = book.getSheet(SHEET);
            sheet.shiftRows(30, sheet.getLastRowNum(), 1);
            Row row = sheet.createRow(30);
            row.createCell(1).setCellValue("10–19 次违法");
            row.createCell(2).setCellValue("VIOLATIONS");
            row.createCell(3).setCellValue(10);
            row.createCell(4).setCellValue(20);
            row.createCell(5).setCellValue(5);
            sheet.getRow(31).getCell(3).setCellValue(20);
        });

        JsonNode rows =
                file(diff(version, null), "decision-tables/credit-scoring.xlsx").path("rows");

        assertThat(rows)
                .extracting(r -> r.path("status").asText() + " " + r.path("row").asInt())
                .containsExactly("ADDED 31", "CHANGED 32");
        assertThat(rows.get(0).path("cells"))
                .extracting(
                        c -> c.path("column").asText() + "=" + c.path("after").asText())
                .containsExactly("B=10–19 次违法", "C=VIOLATIONS", "D=10", "E=20", "F=5");
        assertThat(rows.get(1).path("rowBefore").asInt()).isEqualTo(31);
    }

    @Test
    void aDeletedRowIsOneRemovedRowNumberedAsItWas() {
        String version = upload(book -> {
            Sheet sheet = book.getSheet(SHEET);
            sheet.removeRow(sheet.getRow(29));
            sheet.shiftRows(30, sheet.getLastRowNum(), -1);
        });

        JsonNode rows =
                file(diff(version, null), "decision-tables/credit-scoring.xlsx").path("rows");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.path("status").asText()).isEqualTo("REMOVED");
            assertThat(row.path("row").asInt()).isEqualTo(30);
            assertThat(row.path("cells"))
                    .extracting(c -> c.path("before").asText())
                    .contains("5–9 次违法", "VIOLATIONS");
        });
    }

    @Test
    void anEditedDrlFileComesAsAUnifiedDiff() {
        String drl = new String(RuleSetApi.shipped("credit-vetoes.drl"), StandardCharsets.UTF_8);
        String edited = drl.replaceFirst("\n", "\n// reviewed against notice 2026-9\n");
        String version = api.upload(
                        RuleSetApi.admin("policy-officer-li"),
                        "reviewed",
                        Map.of("credit-vetoes.drl", edited.getBytes(StandardCharsets.UTF_8)))
                .getBody()
                .path("version")
                .asText();

        JsonNode vetoes = file(diff(version, null), "rules/credit-vetoes.drl");

        assertThat(vetoes.path("status").asText()).isEqualTo("CHANGED");
        assertThat(vetoes.path("textDiff").asText())
                .startsWith("--- a/rules/credit-vetoes.drl\n+++ b/rules/credit-vetoes.drl\n@@ -1,")
                .contains("\n+// reviewed against notice 2026-9\n")
                .doesNotContain("\n-");
    }

    @Test
    void aVersionAgainstItselfIsUnchangedAndUnknownVersionsAre404() {
        JsonNode same = diff(active, active);

        assertThat(same.path("files")).isNotEmpty();
        assertThat(same.path("files"))
                .allSatisfy(f -> assertThat(f.path("status").asText()).isEqualTo("UNCHANGED"));
        assertThat(api.get(TestTokens.policyAdmin(), "/api/v1/rule-sets/" + "0".repeat(64) + "/diff")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(TestTokens.policyAdmin(), "/api/v1/rule-sets/" + active + "/diff?against=" + "1".repeat(64))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String upload(Consumer<Workbook> edit) {
        return api.upload(
                        RuleSetApi.admin("policy-officer-li"),
                        "diff test",
                        Map.of(CREDIT, RuleSetApi.edited(CREDIT, edit)))
                .getBody()
                .path("version")
                .asText();
    }

    private JsonNode diff(String version, String against) {
        var answer = api.get(
                TestTokens.token("viewer", java.util.List.of("POLICY_VIEWER"), null),
                "/api/v1/rule-sets/" + version + "/diff" + (against == null ? "" : "?against=" + against));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static JsonNode file(JsonNode diff, String path) {
        for (JsonNode file : diff.path("files")) {
            if (file.path("path").asText().equals(path)) {
                return file;
            }
        }
        throw new AssertionError(path + " is not in the diff: " + diff);
    }
}

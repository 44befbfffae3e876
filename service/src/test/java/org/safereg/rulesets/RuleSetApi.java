package org.safereg.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.safereg.support.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The rule-set API as policy staff call it, and the shipped files edited the way an author might. */
public final class RuleSetApi {

    public static final String CREDIT = "credit-scoring.xlsx";
    public static final String ALARMS = "alarm-thresholds.xlsx";
    public static final String SHEET = "Credit scoring";

    /** Tests run in service/; the rule set lives at the repository root. */
    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private final TestRestTemplate http;

    public RuleSetApi(TestRestTemplate http) {
        this.http = http;
    }

    public static String admin(String name) {
        return TestTokens.token(name, List.of("POLICY_ADMIN"), null);
    }

    public ResponseEntity<JsonNode> upload(String token, String comment, Map<String, byte[]> files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> body.add("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        if (comment != null) {
            body.add("comment", comment);
        }
        HttpHeaders headers = bearer(token);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/v1/rule-sets", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), JsonNode.class);
    }

    public ResponseEntity<byte[]> bytes(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), byte[].class);
    }

    public ResponseEntity<String> text(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), String.class);
    }

    public ResponseEntity<JsonNode> activate(String token, String version, String reason) {
        return post(token, "/api/v1/rule-sets/" + version + "/activation", reason);
    }

    public ResponseEntity<JsonNode> approve(String token, String version, String reason) {
        return post(token, "/api/v1/rule-sets/" + version + "/approval", reason);
    }

    private ResponseEntity<JsonNode> post(String token, String path, String reason) {
        HttpHeaders headers = bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = reason == null ? "{}" : "{\"reason\": \"" + reason + "\"}";
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Puts {@code version} back in force when a test left another one active. */
    public void putBack(String version) {
        if (!version.equals(versionInForce())) {
            activate(TestTokens.policyAdmin(), version, "back to the shipped rules for the next test");
        }
    }

    /** The version this instance decides with, as every API response names it. */
    public String versionInForce() {
        return get(TestTokens.policyAdmin(), "/api/v1/rule-sets?limit=1")
                .getHeaders()
                .getFirst("X-SafeReg-Rule-Set");
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    public static byte[] shipped(String name) {
        String folder = name.endsWith(".drl") ? "rules" : "decision-tables";
        try {
            return Files.readAllBytes(REPOSITORY.resolve(folder).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] edited(String name, Consumer<Workbook> edit) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(shipped(name)));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a cell (by reference such as "D21") on the named sheet to text, a number, or a formula for "=...". */
    public static Consumer<Workbook> set(String sheet, String cellReference, Object value) {
        return book -> {
            CellReference ref = new CellReference(cellReference);
            Row row = book.getSheet(sheet).getRow(ref.getRow());
            if (row == null) {
                row = book.getSheet(sheet).createRow(ref.getRow());
            }
            Cell cell = row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value.toString().startsWith("=")) {
                cell.setCellFormula(value.toString().substring(1));
            } else {
                cell.setCellValue(value.toString());
            }
        };
    }
}

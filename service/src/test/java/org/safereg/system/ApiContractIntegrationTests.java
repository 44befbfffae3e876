package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safereg.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The contract other teams generate clients from is the one in the repository, {@code api/openapi.yaml}: a
 * change to the API is a visible diff in review. When this fails because the API changed on purpose, the live
 * document is in {@code service/target/openapi.yaml}: review the difference and copy it over the checked-in one.
 */
@IntegrationTest
class ApiContractIntegrationTests {

    private static final Path CHECKED_IN = Path.of("..", "api", "openapi.yaml");
    private static final Path LIVE = Path.of("target", "openapi.yaml");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void theServiceServesTheCheckedInContract() throws Exception {
        String live = http.getForObject("/v3/api-docs.yaml", String.class);
        Files.writeString(LIVE, live, StandardCharsets.UTF_8);

        assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
                .as("api/openapi.yaml is the contract; the live one differs (see service/target/openapi.yaml): if"
                        + " the change is meant, review the difference and copy the live document over it")
                .isEqualTo(live);
    }

    @Test
    void everyOperationIsNamedAndSaysHowItFails() throws Exception {
        JsonNode spec = json.readTree(http.getForObject("/v3/api-docs", String.class));
        Set<String> operationIds = new HashSet<>();
        List<String> faults = new ArrayList<>();
        spec.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String where = operation.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode op = operation.getValue();
                    String id = op.path("operationId").asText();
                    if (!id.matches("[a-z][A-Za-z]+") || !operationIds.add(id)) {
                        faults.add(where + ": operationId '" + id + "' is not a unique camelCase name");
                    }
                    if (op.path("tags").isEmpty()) {
                        faults.add(where + ": no tag");
                    }
                    op.path("responses").properties().forEach(response -> {
                        if (response.getValue().path("content").has("*/*")) {
                            faults.add(where + " " + response.getKey() + ": content type */*");
                        }
                        if (response.getKey().matches("[45]\\d\\d")
                                && !response.getValue().path("content").has("application/problem+json")) {
                            faults.add(where + " " + response.getKey() + ": not a problem response");
                        }
                    });
                    if (path.getKey().startsWith("/api/")) {
                        for (String status : List.of("400", "401", "403", "503")) {
                            if (!op.path("responses").has(status)) {
                                faults.add(where + ": does not declare " + status);
                            }
                        }
                    }
                    if (operation.getKey().equals("post") && path.getKey().matches("/api/v1/(readings|positions)")) {
                        if (!op.path("requestBody").path("required").asBoolean()) {
                            faults.add(where + ": no request body");
                        }
                    }
                }));

        assertThat(faults).isEmpty();
    }

    @Test
    void bodiesThatArriveAsJsonAreTypedAsJsonNotAsStrings() throws Exception {
        JsonNode schemas = json.readTree(http.getForObject("/v3/api-docs", String.class))
                .path("components")
                .path("schemas");

        assertThat(schemas.path("CreditView")
                        .path("properties")
                        .path("indicators")
                        .path("type")
                        .asText())
                .isEqualTo("array");
        assertThat(schemas.path("CreditView")
                        .path("properties")
                        .path("measures")
                        .path("$ref")
                        .asText())
                .endsWith("/CreditFacts");
        assertThat(schemas.path("CreditView")
                        .path("properties")
                        .path("vetoes")
                        .path("type")
                        .asText())
                .isEqualTo("array");
        assertThat(schemas.path("RiskView")
                        .path("properties")
                        .path("inputs")
                        .path("$ref")
                        .asText())
                .endsWith("/RiskFacts");
        assertThat(schemas.path("HistoryView")
                        .path("properties")
                        .path("vetoes")
                        .path("type")
                        .asText())
                .isEqualTo("array");
    }
}

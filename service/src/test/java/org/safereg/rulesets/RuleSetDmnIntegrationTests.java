package org.safereg.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.engine.DecisionModelException;
import org.safereg.engine.ModelDecision;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.safereg.support.IntegrationTest;
import org.safereg.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A DMN model is a file of a rule-set version like a workbook: uploaded, checked with its examples and the
 * MC/DC cases of its tables, activated, decided with its rules as provenance, rolled back; a bad model is
 * refused where it is wrong and the version in force stays.
 */
@IntegrationTest
class RuleSetDmnIntegrationTests {

    static final String MODEL = "discretion-band.dmn";
    static final String EXAMPLES = "discretion-band.examples.json";

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuleEngine engine;

    @Autowired
    RuleCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    RuleSetApi api;
    String shipped;

    @BeforeEach
    void rememberTheVersionInForce() {
        api = new RuleSetApi(http);
        shipped = api.versionInForce();
    }

    @AfterEach
    void putTheShippedVersionBack() {
        api.putBack(shipped);
    }

    static byte[] fixture(String name) {
        try (InputStream in = RuleSetDmnIntegrationTests.class.getResourceAsStream("/dmn/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aModelIsUploadedCheckedActivatedDecidedAndRolledBack() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(MODEL, fixture(MODEL));
        files.put(EXAMPLES, fixture(EXAMPLES));

        ResponseEntity<JsonNode> created =
                api.upload(RuleSetApi.admin("policy-officer-li"), "discretion bands in DMN", files);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode candidate = created.getBody();
        String version = candidate.path("version").asText();
        assertThat(candidate.path("state").asText()).isEqualTo("CANDIDATE");
        assertThat(candidate.path("problems")).isEmpty();
        assertThat(StreamSupport.stream(candidate.path("files").spliterator(), false)
                        .map(f -> f.path("path").asText()))
                .contains("decision-tables/" + MODEL, "decision-tables/" + EXAMPLES);
        // no rule covers a negative count: the analysis says so, located, and it does not refuse the version
        JsonNode gap = StreamSupport.stream(candidate.path("warnings").spliterator(), false)
                .filter(w -> w.path("message").asText().startsWith("the decision table has a gap"))
                .filter(w -> w.path("location").asText().startsWith("decision-tables/" + MODEL))
                .findFirst()
                .orElseThrow();
        assertThat(gap.path("location").asText())
                .startsWith("decision-tables/discretion-band.dmn, decision 'band', table 'band_table'");
        assertThat(gap.path("messageZh").asText()).startsWith("决策表存在缺口");

        JsonNode examples = api.get(TestTokens.policyAdmin(), "/api/v1/rule-sets/" + version + "/examples")
                .getBody();
        assertThat(examples.path("failed").asLong()).isZero();
        // the shipped rule set's own model and examples are there too: look at this model's cases
        List<JsonNode> cases = StreamSupport.stream(examples.path("cases").spliterator(), false)
                .filter(c -> c.path("file").asText().startsWith("decision-tables/discretion-band."))
                .toList();
        assertThat(cases.stream().filter(c -> c.path("source").asText().equals("MODEL")))
                .extracting(c -> c.path("name").asText())
                .containsExactly("first offence, corrected on the spot", "repeated within 12 months");
        assertThat(cases.stream().filter(c -> c.path("source").asText().equals("MCDC")))
                .hasSize(6)
                .allMatch(c -> c.path("passed").asBoolean());

        ResponseEntity<JsonNode> activated =
                api.activate(RuleSetApi.admin("policy-head-wang"), version, "discretion bands go live");
        assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.versionInForce()).isEqualTo(version);

        ModelDecision decision = engine.active().decide("discretion-band", Map.of("offences", 0, "corrected", true));
        assertThat(decision.results()).containsEntry("band", "lenient");
        ProvenanceView why = catalog.explain(decision.provenance());
        assertThat(why.ruleSetVersion()).isEqualTo(version);
        assertThat(why.rules().get(0))
                .isEqualTo(new ProvenanceView.Rule(
                        "band #1",
                        "decision-tables/discretion-band.dmn",
                        "band",
                        "band_table",
                        1,
                        "first offence corrected on the spot"));
        // the catalog as stored serves the same rows once the version is no longer the one in memory
        assertThat(jdbc.queryForObject(
                        "SELECT rule_text FROM rule_set_rules WHERE version = ? AND ordinal = ?",
                        String.class,
                        version,
                        decision.provenance().ordinals().get(0)))
                .isEqualTo("first offence corrected on the spot");

        ResponseEntity<JsonNode> rolledBack =
                api.activate(RuleSetApi.admin("policy-head-wang"), shipped, "back to the shipped rules");
        assertThat(rolledBack.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThatThrownBy(() -> engine.active().decide("discretion-band", Map.of()))
                .isInstanceOf(DecisionModelException.class)
                .hasMessageContaining("no DMN model named 'discretion-band'");
    }

    @Test
    void aFailingExampleOfAModelKeepsItsVersionFromBeingActivated() {
        String wrong = new String(fixture(EXAMPLES), StandardCharsets.UTF_8).replace("0.85", "0.9");

        JsonNode candidate = api.upload(
                        TestTokens.policyAdmin(),
                        "a slip in the examples",
                        Map.of(MODEL, fixture(MODEL), EXAMPLES, wrong.getBytes(StandardCharsets.UTF_8)))
                .getBody();

        assertThat(candidate.path("state").asText()).isEqualTo("CANDIDATE");
        assertThat(candidate.path("examples").path("failed").asLong()).isEqualTo(1);
        ResponseEntity<JsonNode> activation =
                api.activate(TestTokens.policyAdmin(), candidate.path("version").asText(), "try");
        assertThat(activation.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(activation.getBody().path("detail").asText())
                .contains("repeated within 12 months")
                .contains("fine factor expected 0.9 but the model gives 0.85");
        assertThat(api.versionInForce()).isEqualTo(shipped);
    }

    @Test
    void rulesOverlappingUnderAUniqueHitPolicyAreRefusedAtTheirRules() {
        JsonNode problem = refused(Map.of("unique-overlap.dmn", fixture("unique-overlap.dmn")));

        JsonNode overlap = StreamSupport.stream(problem.path("problems").spliterator(), false)
                .filter(p -> p.path("message").asText().startsWith("the hit policy is UNIQUE but rules overlap"))
                .findFirst()
                .orElseThrow();
        assertThat(overlap.path("file").asText()).isEqualTo("decision-tables/unique-overlap.dmn");
        assertThat(overlap.path("sheet").asText()).isEqualTo("band");
        assertThat(overlap.path("row").asInt()).isEqualTo(2);
        assertThat(overlap.path("cellText").asText()).isEqualTo("rules [2, 3]");
        assertThat(overlap.path("messageZh").asText()).startsWith("命中策略为 UNIQUE（唯一），但有规则重叠");
    }

    @Test
    void anExternalEntityInAnUploadedModelIsNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("inspection-notes.txt");
        Files.writeString(secret, "CONFIDENTIAL-4471");
        String xml = new String(fixture("xxe.dmn"), StandardCharsets.UTF_8)
                .replace("SECRET_FILE_URI", secret.toUri().toString());
        int versions = versions();

        ResponseEntity<JsonNode> answer =
                api.upload(TestTokens.policyAdmin(), "xxe", Map.of("xxe.dmn", xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().toString()).doesNotContain("CONFIDENTIAL-4471");
        JsonNode problem = answer.getBody().path("problems").get(0);
        assertThat(problem.path("file").asText()).isEqualTo("decision-tables/xxe.dmn");
        assertThat(problem.path("message").asText())
                .startsWith("a DMN model may not carry a document type declaration");
        assertThat(problem.path("messageZh").asText()).startsWith("DMN 模型不得包含文档类型声明");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rule_set_files WHERE content LIKE '%CONFIDENTIAL-4471%'", Integer.class))
                .isZero();
        assertThat(versions()).isEqualTo(versions + 1); // the rejected version is kept, as every rejected upload
        assertThat(api.versionInForce()).isEqualTo(shipped);
    }

    @Test
    void aMalformedModelAndAModelImportingAMissingOneAreRefusedInTheirFiles() {
        JsonNode malformed = refused(Map.of("malformed.dmn", fixture("malformed.dmn")));
        JsonNode missing = refused(Map.of("missing-import.dmn", fixture("missing-import.dmn")));

        assertThat(malformed.path("problems").get(0).path("message").asText()).startsWith("not well-formed XML (line");
        assertThat(malformed.path("problems").get(0).path("line").asInt()).isPositive();
        assertThat(missing.path("problems").get(0).path("file").asText())
                .isEqualTo("decision-tables/missing-import.dmn");
        assertThat(missing.path("problems").get(0).path("message").asText())
                .startsWith("an imported model is not in the rule set")
                .contains("penalty-articles");
        assertThat(missing.path("problems").get(0).path("messageZh").asText()).startsWith("导入的模型不在此规则集中");
    }

    private JsonNode refused(Map<String, byte[]> files) {
        ResponseEntity<JsonNode> answer = api.upload(TestTokens.policyAdmin(), "a bad model", files);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(api.versionInForce()).isEqualTo(shipped);
        return answer.getBody();
    }

    private int versions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rule_sets", Integer.class);
    }
}

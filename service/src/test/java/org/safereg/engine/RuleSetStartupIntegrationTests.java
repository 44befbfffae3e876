package org.safereg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.safereg.SafeRegApplication;
import org.safereg.support.RealStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What an operator sees when policy staff's folder holds a broken workbook: no start, and where to look. The
 * folder is the rule set in force only while no version has been activated (a new database); these tests
 * start from there and leave the database so.
 */
@ExtendWith(OutputCaptureExtension.class)
class RuleSetStartupIntegrationTests {

    @BeforeEach
    @AfterEach
    void noVersionActivatedYet() {
        Map<String, Object> stores = RealStores.properties();
        var dataSource = new DriverManagerDataSource(
                (String) stores.get("spring.datasource.url"),
                (String) stores.get("spring.datasource.username"),
                (String) stores.get("spring.datasource.password"));
        try {
            new JdbcTemplate(dataSource).update("DELETE FROM rule_set_activations");
        } catch (BadSqlGrammarException e) {
            // not migrated yet: a new database
        }
    }

    @Test
    void aBrokenWorkbookStopsStartUpNamingTheSheetAndCell(@TempDir Path policy, CapturedOutput output)
            throws Exception {
        copyShippedRuleSet(policy);
        Path workbook = policy.resolve("decision-tables/credit-scoring.xlsx");
        Files.write(
                workbook,
                Workbooks.edit(Files.readAllBytes(workbook), Workbooks.set("Credit scoring", "E24", "sixty")));

        assertThatThrownBy(() -> start(policy)).hasRootCauseInstanceOf(RuleSetCompilationException.class);
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains(
                        "decision-tables/credit-scoring.xlsx, sheet 'Credit scoring', cell E24 (cell text: \"sixty\")")
                .contains("safereg.rules.location");
    }

    @Test
    void theConfiguredFolderIsTheRuleSetInForce(@TempDir Path policy) throws Exception {
        copyShippedRuleSet(policy);
        Path workbook = policy.resolve("decision-tables/credit-scoring.xlsx");
        Files.write(
                workbook, Workbooks.edit(Files.readAllBytes(workbook), Workbooks.set("Credit scoring", "E48", "B")));

        try (ConfigurableApplicationContext context = start(policy)) {
            RuleEngine engine = context.getBean(RuleEngine.class);
            String shipped = new RuleEngine(java.time.Clock.systemUTC())
                    .compile(Workbooks.shipped())
                    .version()
                    .hash();
            assertThat(engine.version().hash()).isNotEqualTo(shipped);
            assertThat(engine.version().files())
                    .extracting(RuleSetVersion.FileSummary::path)
                    .contains("decision-tables/credit-scoring.xlsx");
        }
    }

    private static ConfigurableApplicationContext start(Path policy) {
        Map<String, Object> properties = new HashMap<>(RealStores.properties());
        properties.put("safereg.rules.location", policy.toString());
        properties.put("safereg.dev-tokens.enabled", "false");
        properties.put(
                "spring.security.oauth2.resourceserver.jwt.public-key-location", "classpath:test-jwt-public.pem");
        properties.put("safereg.province.generate", "never");
        properties.put("safereg.credit.evaluate-on-start", "false");
        properties.put("safereg.scheduling.enabled", "false");
        properties.put("server.port", "0");
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(SafeRegApplication.class).run(arguments);
    }

    private static void copyShippedRuleSet(Path target) throws Exception {
        for (RuleFile file : Workbooks.shipped()) {
            Path path = target.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.write(path, file.content());
        }
    }
}

package org.safereg.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safereg.rulesets.RuleSetApi.CREDIT;
import static org.safereg.rulesets.RuleSetApi.SHEET;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safereg.SafeRegApplication;
import org.safereg.support.IntegrationTest;
import org.safereg.support.RealStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances on one MySQL and Redis, with the four-eyes rule on: a version approved by a second admin
 * and activated on one instance is served by the other within moments, and an instance started afterwards
 * starts with it.
 */
@IntegrationTest
@TestPropertySource(properties = "safereg.rule-sets.four-eyes=true")
class RuleSetAcrossInstancesIntegrationTests {

    private static ConfigurableApplicationContext second;

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void startASecondInstance() {
        second = start();
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void anActivationApprovedByASecondAdminReachesEveryInstanceAndLaterInstancesStartWithIt() throws Exception {
        RuleSetApi first = new RuleSetApi(http);
        RuleSetApi other = new RuleSetApi(client(second));
        String shipped = first.versionInForce();
        assertThat(other.versionInForce()).isEqualTo(shipped);
        String version = first.upload(
                        RuleSetApi.admin("policy-officer-li"),
                        "rectification of 90-95 % earns 72",
                        Map.of(CREDIT, RuleSetApi.edited(CREDIT, RuleSetApi.set(SHEET, "F22", 72))))
                .getBody()
                .path("version")
                .asText();

        ResponseEntity<JsonNode> unapproved = first.activate(RuleSetApi.admin("policy-officer-li"), version, null);
        assertThat(unapproved.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(unapproved.getBody().path("detail").asText())
                .contains("needs the approval of a second policy admin");
        assertThat(first.approve(RuleSetApi.admin("policy-head-wang"), version, "checked against the notice")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        long activated = System.nanoTime();
        assertThat(first.activate(RuleSetApi.admin("policy-officer-li"), version, "notice 2026-7")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String served = other.versionInForce();
        while (!version.equals(served) && System.nanoTime() - activated < 30_000_000_000L) {
            Thread.sleep(20);
            served = other.versionInForce();
        }
        long millis = (System.nanoTime() - activated) / 1_000_000;
        System.out.println("Activation to the second instance serving the new version: " + millis + " ms");
        assertThat(served).as("the version the second instance serves").isEqualTo(version);
        JsonNode health = client(second).getForObject("/actuator/health", JsonNode.class);
        assertThat(health.at("/components/ruleSet/details/version").asText()).isEqualTo(version);

        ConfigurableApplicationContext third = start();
        try {
            assertThat(new RuleSetApi(client(third)).versionInForce())
                    .as("an instance started after the activation")
                    .isEqualTo(version);
        } finally {
            third.close();
        }

        // a rollback needs no new approval, and reaches the other instance the same way
        assertThat(first.activate(RuleSetApi.admin("policy-head-wang"), shipped, "roll back")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long rolledBack = System.nanoTime();
        while (!shipped.equals(other.versionInForce()) && System.nanoTime() - rolledBack < 30_000_000_000L) {
            Thread.sleep(20);
        }
        assertThat(other.versionInForce()).isEqualTo(shipped);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SafeRegApplication.class)
                .initializers(new RealStores())
                .properties("server.port=0")
                .run();
    }

    private static TestRestTemplate client(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    }
}

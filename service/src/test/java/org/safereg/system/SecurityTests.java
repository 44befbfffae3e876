package org.safereg.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The security rules as a client meets them, with tokens signed by the development key. */
@WebMvcTest(controllers = SecurityTests.Probe.class)
@Import({SecurityConfiguration.class, SecurityTests.Probe.class})
class SecurityTests {

    static final String OWN = "91330100MA2AAAAA1X";
    static final String OTHER = "91330100MA2BBBBB2Y";

    @Autowired
    MockMvc mvc;

    @Autowired
    DevTokenIssuer tokens;

    @Test
    void withoutTokenTheApiAnswers401AsProblemWithBearerChallenge() throws Exception {
        mvc.perform(get("/api/v1/probe/whoami"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:unauthorized"))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")))
                .andExpect(jsonPath("$.instance").value("/api/v1/probe/whoami"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejectedWithTheReason() throws Exception {
        var stranger = new DevTokenIssuer(
                new RSAKeyGenerator(2048).keyID("stranger").generate(),
                DevTokenConfiguration.ISSUER,
                new DevTokenProperties(true, Duration.ofHours(1), Duration.ofHours(1)),
                Clock.systemUTC());
        String forged = stranger.issue("mallory", List.of("POLICY_ADMIN"), null, Duration.ofMinutes(5))
                .token();

        mvc.perform(get("/api/v1/probe/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer error=\"invalid_token\"")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:unauthorized"))
                .andExpect(jsonPath("$.detail").value(startsWith("The bearer token was rejected")));
    }

    @Test
    void anExpiredTokenIsRejectedWithTheReason() throws Exception {
        var yesterday = new DevTokenIssuer(
                tokens.key(),
                DevTokenConfiguration.ISSUER,
                new DevTokenProperties(true, Duration.ofHours(1), Duration.ofHours(1)),
                Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC));
        String expired = yesterday
                .issue("alice", List.of("POLICY_ADMIN"), null, Duration.ofMinutes(5))
                .token();

        mvc.perform(get("/api/v1/probe/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer " + expired))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("expired")));
    }

    @Test
    void garbageInTheAuthorizationHeaderIs401() throws Exception {
        mvc.perform(get("/api/v1/probe/whoami").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:unauthorized"));
    }

    @Test
    void controllersReceiveTheCallerFromTheToken() throws Exception {
        mvc.perform(get("/api/v1/probe/whoami").header(HttpHeaders.AUTHORIZATION, bearer("e1", "ENTERPRISE", OWN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("e1"))
                .andExpect(jsonPath("$.roles[0]").value("ENTERPRISE"))
                .andExpect(jsonPath("$.enterpriseId").value(OWN));
    }

    @Test
    void aMissingRoleIs403Problem() throws Exception {
        mvc.perform(post("/api/v1/probe/admin").header(HttpHeaders.AUTHORIZATION, bearer("v", "POLICY_VIEWER", null)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:forbidden"))
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.detail").value(SecurityProblems.FORBIDDEN_DETAIL))
                .andExpect(jsonPath("$.instance").value("/api/v1/probe/admin"));
    }

    @Test
    void theRightRolePasses() throws Exception {
        mvc.perform(post("/api/v1/probe/admin").header(HttpHeaders.AUTHORIZATION, bearer("a", "POLICY_ADMIN", null)))
                .andExpect(status().isOk());
    }

    @Test
    void anEnterpriseReadsItsOwnRecords() throws Exception {
        mvc.perform(get("/api/v1/probe/enterprises/{code}", OWN)
                        .header(HttpHeaders.AUTHORIZATION, bearer("e1", "ENTERPRISE", OWN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(OWN));
    }

    @Test
    void anEnterpriseIsRefusedAnotherEnterprise() throws Exception {
        mvc.perform(get("/api/v1/probe/enterprises/{code}", OTHER)
                        .header(HttpHeaders.AUTHORIZATION, bearer("e1", "ENTERPRISE", OWN)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:forbidden"))
                .andExpect(jsonPath("$.detail").value(containsString("may read only that enterprise's records")));
    }

    @Test
    void anEnterpriseTokenWithoutEnterpriseIdIsRefused() throws Exception {
        mvc.perform(get("/api/v1/probe/enterprises/{code}", OWN)
                        .header(HttpHeaders.AUTHORIZATION, bearer("e1", "ENTERPRISE", null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("names no enterprise")));
    }

    @Test
    void staffReadAnyEnterprise() throws Exception {
        mvc.perform(get("/api/v1/probe/enterprises/{code}", OTHER)
                        .header(HttpHeaders.AUTHORIZATION, bearer("r", "REGULATOR", null)))
                .andExpect(status().isOk());
    }

    @Test
    void documentationAndHealthNeedNoToken() throws Exception {
        // not served by this slice, so they end as 404: what matters is that security let them through
        for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/swagger-ui.html", "/actuator/health")) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
    }

    private String bearer(String subject, String role, String enterpriseId) {
        return "Bearer "
                + tokens.issue(subject, List.of(role), enterpriseId, Duration.ofMinutes(5))
                        .token();
    }

    @RestController
    static class Probe {

        @GetMapping("/api/v1/probe/whoami")
        Map<String, Object> whoami(Caller caller) {
            return Map.of(
                    "subject", caller.subject(),
                    "roles", caller.roles(),
                    "enterpriseId", caller.enterpriseId().orElse(""));
        }

        @PostMapping("/api/v1/probe/admin")
        @PreAuthorize("hasRole('POLICY_ADMIN')")
        Map<String, Object> admin() {
            return Map.of("done", true);
        }

        @GetMapping("/api/v1/probe/enterprises/{code}")
        Map<String, Object> enterprise(@PathVariable String code, Caller caller) {
            caller.requireAccessToEnterprise(code);
            return Map.of("code", code);
        }
    }
}

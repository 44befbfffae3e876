package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** POST /dev/tokens in the embedded default, as a new user calls it from the README. */
@WebMvcTest(controllers = DevTokenController.class)
@Import(SecurityConfiguration.class)
class DevTokenTests {

    static final String CREDIT_CODE = "91330100MA2AAAAA1X";

    @Autowired
    MockMvc mvc;

    @Autowired
    JwtDecoder decoder;

    @Autowired
    ObjectMapper json;

    @Test
    void mintsATokenTheDecoderAccepts() throws Exception {
        Instant before = Instant.now();
        JsonNode answer = answer(
                mint("""
                {"subject": "e1", "roles": ["ENTERPRISE"], "enterpriseId": "%s", "ttlMinutes": 30}
                """
                                .formatted(CREDIT_CODE))
                        .andExpect(status().isOk()));

        Jwt jwt = decoder.decode(answer.get("token").asText());
        assertThat(jwt.getSubject()).isEqualTo("e1");
        assertThat(jwt.getClaimAsStringList(Caller.ROLES_CLAIM)).containsExactly("ENTERPRISE");
        assertThat(jwt.getClaimAsString(Caller.ENTERPRISE_ID_CLAIM)).isEqualTo(CREDIT_CODE);
        assertThat(jwt.getExpiresAt())
                .isEqualTo(Instant.parse(answer.get("expiresAt").asText()));
        assertThat(Duration.between(before, jwt.getExpiresAt()))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));
    }

    @Test
    void theMintedTokenOpensTheApi() throws Exception {
        String token = answer(
                        mint("""
                {"subject": "alice", "roles": ["POLICY_ADMIN"]}
                """))
                .get("token")
                .asText();

        // no controller lives at this path in the slice: 404 instead of 401 shows the token was accepted
        mvc.perform(get("/api/v1/anything").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/anything")).andExpect(status().isUnauthorized());
    }

    @Test
    void withoutTtlTheTokenLivesTheDefaultHour() throws Exception {
        JsonNode answer = answer(mint(
                """
                {"subject": "alice", "roles": ["POLICY_ADMIN", "REGULATOR"]}
                """));

        Jwt jwt = decoder.decode(answer.get("token").asText());
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(60));
        assertThat(jwt.getClaimAsStringList(Caller.ROLES_CLAIM)).containsExactly("POLICY_ADMIN", "REGULATOR");
        assertThat(jwt.hasClaim(Caller.ENTERPRISE_ID_CLAIM)).isFalse();
    }

    @Test
    void unknownRolesAreRefused() throws Exception {
        mint("""
                {"subject": "alice", "roles": ["POLICY_ADMIN", "SUPERUSER"]}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:invalid-input"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("roles[1]"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("unknown role 'SUPERUSER'")));
    }

    @Test
    void anEnterpriseTokenNeedsItsEnterprise() throws Exception {
        mint("""
                {"subject": "e1", "roles": ["ENTERPRISE"]}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("required")));
    }

    @Test
    void anEnterpriseIdHas18Characters() throws Exception {
        mint("""
                {"subject": "e1", "roles": ["ENTERPRISE"], "enterpriseId": "9133010"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("18-character")));
    }

    @Test
    void anEnterpriseIdIsOnlyForEnterpriseTokens() throws Exception {
        mint("""
                {"subject": "r", "roles": ["REGULATOR"], "enterpriseId": "%s"}
                """
                        .formatted(CREDIT_CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
    }

    @Test
    void subjectAndRolesAreRequired() throws Exception {
        mint("""
                {"roles": []}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[1].field").value("subject"));
    }

    @Test
    void theLifetimeIsBounded() throws Exception {
        mint("""
                {"subject": "alice", "roles": ["POLICY_ADMIN"], "ttlMinutes": 100000}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ttlMinutes"));
        mint("""
                {"subject": "alice", "roles": ["POLICY_ADMIN"], "ttlMinutes": 0}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ttlMinutes"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        mint("{\"subject\": \"alice\", \"roles\": [POLICY_ADMIN]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:malformed-request"));
    }

    private ResultActions mint(String body) throws Exception {
        return mvc.perform(
                post("/dev/tokens").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode answer(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

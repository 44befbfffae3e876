package org.safereg.system;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The whole application as a new user starts it: H2, no Redis, development tokens. */
@SpringBootTest(properties = {"safereg.scheduling.enabled=false", "safereg.province.generate=never"})
@AutoConfigureMockMvc
class EmbeddedDefaultIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void healthAndDocumentationArePublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/info")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("SafeReg API"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.scheme")
                        .value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.bearerFormat")
                        .value("JWT"))
                .andExpect(jsonPath("$.security[0].bearer-jwt").exists())
                // minting a token must not itself ask for one
                .andExpect(jsonPath("$.paths['/dev/tokens'].post.security", empty()));
    }

    @Test
    void theApiNeedsATokenAndADevelopmentTokenOpensIt() throws Exception {
        mvc.perform(get("/api/v1/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        String answer = mvc.perform(
                        post("/dev/tokens")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                {"subject": "alice", "roles": ["POLICY_ADMIN"]}
                                """))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = json.readTree(answer).get("token").asText();

        mvc.perform(get("/api/v1/anything").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:not-found"));
    }

    @Test
    void otherActuatorEndpointsNeedAToken() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator")).andExpect(status().isUnauthorized());
    }

    @Test
    void theDocumentListsTheDevelopmentTokenOperation() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(jsonPath("$.tags[*].name", hasItem("development tokens")));
    }
}

package org.safereg.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Tokens from the embedded default's development endpoint ({@code POST /dev/tokens}), as its users get them. */
public final class DevTokens {

    private DevTokens() {}

    /** A token for {@code claims} (JSON: subject, roles, enterpriseId). */
    public static String mint(MockMvc mvc, ObjectMapper json, String claims) throws Exception {
        String answer = mvc.perform(post("/dev/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(claims))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(answer).get("token").asText();
    }
}

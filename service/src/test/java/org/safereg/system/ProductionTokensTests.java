package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The production path: development tokens off, tokens checked against an RSA public key the way an
 * identity provider's would be (Spring Boot's {@code public-key-location}).
 */
@WebMvcTest(controllers = {ProductionTokensTests.Probe.class, DevTokenController.class})
@Import({SecurityConfiguration.class, ProductionTokensTests.Probe.class})
class ProductionTokensTests {

    static final KeyPair PROVIDER_KEY = rsaKeyPair();
    static final Path PROVIDER_PUBLIC_KEY = publicKeyFile();

    @DynamicPropertySource
    static void productionTokens(DynamicPropertyRegistry registry) {
        registry.add("safereg.dev-tokens.enabled", () -> "false");
        registry.add(
                TokenSettingsGuard.PUBLIC_KEY_LOCATION,
                () -> PROVIDER_PUBLIC_KEY.toUri().toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void theProvidersTokensAreAccepted() throws Exception {
        mvc.perform(get("/api/v1/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(PROVIDER_KEY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("inspector-7"))
                .andExpect(jsonPath("$.roles[0]").value("INSPECTOR"));
    }

    @Test
    void tokensSignedByAnyOtherKeyAreNot() throws Exception {
        mvc.perform(get("/api/v1/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(rsaKeyPair())))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:safereg:problem:unauthorized"));
    }

    @Test
    void thereIsNoDevelopmentTokenEndpointNorKey() throws Exception {
        assertThat(context.getBeansOfType(DevTokenIssuer.class)).isEmpty();
        assertThat(context.getBeansOfType(DevTokenController.class)).isEmpty();
        int status = mvc.perform(
                        post("/dev/tokens")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                {"subject": "mallory", "roles": ["POLICY_ADMIN"]}
                                """))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isIn(404, 405);
    }

    private static String token(KeyPair key) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("inspector-7")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim(Caller.ROLES_CLAIM, List.of("INSPECTOR"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("provider-key", ".pem");
            file.toFile().deleteOnExit();
            Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + base64.encodeToString(PROVIDER_KEY.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RestController
    static class Probe {

        @GetMapping("/api/v1/probe")
        Map<String, Object> probe(Caller caller) {
            return Map.of("subject", caller.subject(), "roles", caller.roles());
        }
    }
}

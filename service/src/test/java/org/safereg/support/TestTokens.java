package org.safereg.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Bearer tokens signed with the test key whose public half the integration tests' service trusts. */
public final class TestTokens {

    private static final PrivateKey KEY = loadKey();

    private TestTokens() {}

    public static String policyAdmin() {
        return token("policy-admin", List.of("POLICY_ADMIN"), null);
    }

    public static String dispatch() {
        return token("dispatch", List.of("DISPATCH"), null);
    }

    public static String enterprise(String creditCode) {
        return token("enterprise-" + creditCode, List.of("ENTERPRISE"), creditCode);
    }

    public static String token(String subject, List<String> roles, String enterpriseId) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .claim("roles", roles);
        if (enterpriseId != null) {
            claims.claim("enterprise_id", enterpriseId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }
}

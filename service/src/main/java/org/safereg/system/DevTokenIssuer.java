package org.safereg.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs development tokens that carry the same claims as the identity provider's. */
class DevTokenIssuer {

    private final RSAKey key;
    private final RSASSASigner signer;
    private final String issuer;
    private final DevTokenProperties properties;
    private final Clock clock;

    DevTokenIssuer(RSAKey key, String issuer, DevTokenProperties properties, Clock clock) throws JOSEException {
        this.key = key;
        this.signer = new RSASSASigner(key);
        this.issuer = issuer;
        this.properties = properties;
        this.clock = clock;
    }

    RSAKey key() {
        return key;
    }

    Duration defaultTtl() {
        return properties.defaultTtl();
    }

    Duration maxTtl() {
        return properties.maxTtl();
    }

    DevToken issue(String subject, List<String> roles, String enterpriseId, Duration ttl) {
        // whole seconds: JWT times have no finer grain, and the answer must match what the token says
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .claim(Caller.ROLES_CLAIM, new ArrayList<>(roles));
        if (enterpriseId != null) {
            claims.claim(Caller.ENTERPRISE_ID_CLAIM, enterpriseId);
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
        return new DevToken(jwt.serialize(), expiresAt);
    }

    /** The answer of {@code POST /dev/tokens}. */
    record DevToken(String token, Instant expiresAt) {}
}

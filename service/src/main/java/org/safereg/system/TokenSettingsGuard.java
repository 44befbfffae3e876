package org.safereg.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Refuses to start with token settings that would leave the API open or unusable: development tokens
 * anywhere but the embedded default (where anybody could mint a POLICY_ADMIN token against real data),
 * or no way at all to check tokens. Only property names are reported, never values, since a datasource
 * URL may carry a password.
 */
final class TokenSettingsGuard {

    static final String ENABLED = "safereg.dev-tokens.enabled";
    static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String PUBLIC_KEY_LOCATION = "spring.security.oauth2.resourceserver.jwt.public-key-location";
    static final List<String> ISSUER_PROPERTIES = List.of(ISSUER_URI, JWK_SET_URI, PUBLIC_KEY_LOCATION);

    private final PropertyResolver properties;

    TokenSettingsGuard(PropertyResolver properties) {
        this.properties = properties;
    }

    /** @throws InvalidConfigurationPropertyValueException naming what is wrong and what to set instead */
    void verify() {
        boolean devTokens = properties.getProperty(ENABLED, Boolean.class, false);
        if (devTokens) {
            List<String> production = productionSettings();
            if (!production.isEmpty()) {
                throw new InvalidConfigurationPropertyValueException(
                        ENABLED,
                        "true",
                        """
                        development tokens are only for the embedded default (H2, no Redis, no token issuer), \
                        but this configuration sets %s. Anybody who can reach /dev/tokens could then mint a token \
                        for any role. Set %s=false (environment: SAFEREG_DEV_TOKENS_ENABLED=false) and let your \
                        identity provider issue the tokens through %s, %s or %s."""
                                .formatted(
                                        String.join(", ", production),
                                        ENABLED,
                                        ISSUER_URI,
                                        JWK_SET_URI,
                                        PUBLIC_KEY_LOCATION));
            }
        } else if (ISSUER_PROPERTIES.stream().noneMatch(this::isSet)) {
            throw new InvalidConfigurationPropertyValueException(
                    ENABLED,
                    "false",
                    """
                    with development tokens disabled SafeReg needs a way to check bearer tokens, and none is \
                    configured. Set %s to your identity provider's issuer (environment: \
                    SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI), or %s to its JWK set, or %s to the \
                    PEM file of the RSA public key that signs the tokens."""
                            .formatted(ISSUER_URI, JWK_SET_URI, PUBLIC_KEY_LOCATION));
        }
    }

    private List<String> productionSettings() {
        List<String> found = new ArrayList<>();
        String url = properties.getProperty("spring.datasource.url");
        // unset means Spring Boot's embedded database, which is H2 here
        if (StringUtils.hasText(url) && !url.trim().startsWith("jdbc:h2:")) {
            found.add("spring.datasource.url (a database other than H2)");
        }
        for (String redis :
                List.of("spring.data.redis.host", "spring.data.redis.url", "spring.data.redis.cluster.nodes")) {
            if (isSet(redis)) {
                found.add(redis);
            }
        }
        ISSUER_PROPERTIES.stream().filter(this::isSet).forEach(found::add);
        return found;
    }

    private boolean isSet(String name) {
        return StringUtils.hasText(properties.getProperty(name));
    }
}

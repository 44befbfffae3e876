package org.safereg.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The embedded default's token issuer: an RSA key made at start and kept only in memory, so tokens die
 * with the process and nothing secret is ever configured or written down.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = TokenSettingsGuard.ENABLED, havingValue = "true")
@EnableConfigurationProperties(DevTokenProperties.class)
class DevTokenConfiguration {

    static final String ISSUER = "urn:safereg:dev-tokens";

    private static final Logger log = LoggerFactory.getLogger(DevTokenConfiguration.class);

    @Bean
    DevTokenIssuer devTokenIssuer(DevTokenProperties properties, ObjectProvider<Clock> clock) throws JOSEException {
        RSAKey key =
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        log.warn("development tokens are enabled; anybody who can reach POST /dev/tokens can mint a token for any"
                + " role. This is for the embedded default only: set safereg.dev-tokens.enabled=false and configure"
                + " spring.security.oauth2.resourceserver.jwt.* for real use.");
        return new DevTokenIssuer(key, ISSUER, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    JwtDecoder devTokenDecoder(DevTokenIssuer issuer, ObjectProvider<Clock> clock) throws JOSEException {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey(issuer.key().toRSAPublicKey()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        // the same clock as the issuer, so that tests which move time do not expire fresh tokens
        timestamps.setClock(clock.getIfAvailable(Clock::systemUTC));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
        return decoder;
    }
}

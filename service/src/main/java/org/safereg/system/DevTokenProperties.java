package org.safereg.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Development tokens: {@code POST /dev/tokens} mints bearer tokens signed by a key generated at each start.
 * Refused at start-up outside the embedded default (see {@link TokenSettingsGuard}).
 *
 * @param enabled whether the endpoint and its decoder exist; must be false with a real database, Redis or
 *     token issuer
 * @param defaultTtl lifetime of a token whose request names none
 * @param maxTtl the longest lifetime a request may ask for
 */
@ConfigurationProperties("safereg.dev-tokens")
record DevTokenProperties(
        boolean enabled, @DefaultValue("60m") Duration defaultTtl, @DefaultValue("24h") Duration maxTtl) {}

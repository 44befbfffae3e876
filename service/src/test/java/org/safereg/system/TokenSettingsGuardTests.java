package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safereg.SafeRegApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class TokenSettingsGuardTests {

    static final String H2 = "jdbc:h2:mem:safereg;MODE=MySQL";
    static final String MYSQL = "jdbc:mysql://db.example:3306/safereg?user=safereg&password=s3cret";

    @Test
    void theEmbeddedDefaultMayUseDevelopmentTokens() {
        assertThatNoException().isThrownBy(() -> guard(devTokens(true).withProperty("spring.datasource.url", H2)));
        assertThatNoException().isThrownBy(() -> guard(devTokens(true)));
    }

    @Test
    void developmentTokensWithARealDatabaseStopStartUp() {
        assertThatThrownBy(() -> guard(devTokens(true).withProperty("spring.datasource.url", MYSQL)))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("only for the embedded default")
                .hasMessageContaining("spring.datasource.url")
                .hasMessageContaining("safereg.dev-tokens.enabled=false")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void developmentTokensWithRedisStopStartUp() {
        assertThatThrownBy(() -> guard(devTokens(true).withProperty("spring.data.redis.host", "redis")))
                .hasMessageContaining("only for the embedded default")
                .hasMessageContaining("spring.data.redis.host");
        assertThatThrownBy(() -> guard(devTokens(true).withProperty("spring.data.redis.url", "redis://redis:6379")))
                .hasMessageContaining("spring.data.redis.url");
    }

    @Test
    void developmentTokensBesideARealIssuerStopStartUp() {
        for (String issuer : TokenSettingsGuard.ISSUER_PROPERTIES) {
            assertThatThrownBy(() -> guard(devTokens(true).withProperty(issuer, "https://id.example/realms/safereg")))
                    .hasMessageContaining("only for the embedded default")
                    .hasMessageContaining(issuer);
        }
    }

    @Test
    void withoutDevelopmentTokensAnIssuerIsRequired() {
        assertThatThrownBy(() -> guard(devTokens(false).withProperty("spring.datasource.url", MYSQL)))
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("needs a way to check bearer tokens")
                .hasMessageContaining(TokenSettingsGuard.ISSUER_URI)
                .hasMessageContaining(TokenSettingsGuard.JWK_SET_URI)
                .hasMessageContaining(TokenSettingsGuard.PUBLIC_KEY_LOCATION);
        assertThatThrownBy(() -> guard(new MockEnvironment())).hasMessageContaining(TokenSettingsGuard.ISSUER_URI);
    }

    @Test
    void productionWithAnIssuerStarts() {
        for (String issuer : TokenSettingsGuard.ISSUER_PROPERTIES) {
            assertThatNoException()
                    .isThrownBy(() -> guard(devTokens(false)
                            .withProperty("spring.datasource.url", MYSQL)
                            .withProperty("spring.data.redis.host", "redis")
                            .withProperty(issuer, "https://id.example/realms/safereg")));
        }
    }

    @Test
    void theApplicationRefusesToStartAndSaysWhy(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(SafeRegApplication.class);

        // as command-line arguments, so that they win over application.yml like a deployment's settings do
        assertThatThrownBy(() -> application
                        .run(
                                "--spring.datasource.url=" + MYSQL,
                                "--server.port=0",
                                "--safereg.scheduling.enabled=false")
                        .close())
                .hasMessageContaining("only for the embedded default")
                .hasMessageContaining("spring.datasource.url");
        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("safereg.dev-tokens.enabled")
                .doesNotContain("s3cret");
    }

    private static MockEnvironment devTokens(boolean enabled) {
        return new MockEnvironment().withProperty(TokenSettingsGuard.ENABLED, String.valueOf(enabled));
    }

    private static void guard(MockEnvironment environment) {
        new TokenSettingsGuard(environment).verify();
    }
}

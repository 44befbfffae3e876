package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** /actuator/prometheus without a token: only on a management port of its own, and only when allowed. */
class ScrapeWithoutTokenTests {

    @Test
    void allowedItAnswersOnTheManagementPortOnly() {
        RequestMatcher open = SecurityConfiguration.scrapeOnManagementPort(environment("true", "9091"));

        assertThat(open.matches(request(9091, "/actuator/prometheus"))).isTrue();
        assertThat(open.matches(request(8080, "/actuator/prometheus"))).isFalse();
        assertThat(open.matches(request(9091, "/actuator/env"))).isFalse();
    }

    @Test
    void byDefaultOrWithoutAManagementPortOfItsOwnATokenIsNeeded() {
        assertThat(SecurityConfiguration.scrapeOnManagementPort(environment(null, "9091"))
                        .matches(request(9091, "/actuator/prometheus")))
                .isFalse();
        assertThat(SecurityConfiguration.scrapeOnManagementPort(environment("true", null))
                        .matches(request(8080, "/actuator/prometheus")))
                .isFalse();
        assertThat(SecurityConfiguration.scrapeOnManagementPort(environment("true", "8080"))
                        .matches(request(8080, "/actuator/prometheus")))
                .isFalse();
    }

    private static MockEnvironment environment(String open, String managementPort) {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8080");
        if (open != null) {
            environment.setProperty("safereg.metrics.scrape-without-token", open);
        }
        if (managementPort != null) {
            environment.setProperty("management.server.port", managementPort);
        }
        return environment;
    }

    private static MockHttpServletRequest request(int port, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setLocalPort(port);
        return request;
    }
}

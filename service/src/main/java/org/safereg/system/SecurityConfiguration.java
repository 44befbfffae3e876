package org.safereg.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Bearer JWTs on {@code /api/v1/**}; roles from the {@code roles} claim. Tokens are checked by the decoder
 * Spring Boot builds from {@code spring.security.oauth2.resourceserver.jwt.*}, or in the embedded default
 * by the development-token decoder. Public so that other packages' {@code @WebMvcTest} slices can
 * {@code @Import} it and run under the real rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@Import(DevTokenConfiguration.class)
public class SecurityConfiguration {

    private static final String PROMETHEUS = "/actuator/prometheus";

    /** Checks the token settings before any other bean starts (and before any database is touched). */
    @Bean
    static BeanFactoryPostProcessor tokenSettingsGuard(Environment environment) {
        return beanFactory -> new TokenSettingsGuard(environment).verify();
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, ObjectMapper json, MessageSource messages, Environment environment) throws Exception {
        SecurityProblems problems = new SecurityProblems(json, messages);
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/**")
                        .authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(scrapeOnManagementPort(environment))
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .authenticated()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // exists only while development tokens are enabled
                        .requestMatchers(HttpMethod.POST, "/dev/tokens")
                        .permitAll()
                        // everything else is the console's pages and assets and the error page: the data they
                        // show comes from /api/v1 with the user's own token
                        .anyRequest()
                        .permitAll())
                // tokens travel in a header a browser never adds by itself, so there is nothing to forge
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * The token comes in the Authorization header; a request for an event stream (a browser's EventSource, which
     * cannot set headers) may instead pass it as the {@code access_token} query parameter.
     */
    @Bean
    BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        return request -> isEventStream(request) ? headerOrQuery.resolve(request) : header.resolve(request);
    }

    private static boolean isEventStream(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return HttpMethod.GET.matches(request.getMethod())
                && accept != null
                && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    /**
     * {@code /actuator/prometheus} on the management port ({@code management.server.port}, which should be
     * reachable from the monitoring network only), when {@code safereg.metrics.scrape-without-token} allows it;
     * on the API port it always needs a token.
     */
    static RequestMatcher scrapeOnManagementPort(Environment environment) {
        Integer management = environment.getProperty("management.server.port", Integer.class);
        Integer server = environment.getProperty("server.port", Integer.class, 8080);
        boolean open = environment.getProperty("safereg.metrics.scrape-without-token", Boolean.class, false);
        if (!open || management == null || management <= 0 || management.equals(server)) {
            return request -> false;
        }
        return request -> request.getLocalPort() == management
                && PROMETHEUS.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()));
    }

    /**
     * Roles from the token's {@code roles} claim. A token that speaks for an enterprise (ENTERPRISE) is that
     * enterprise's token and nothing more: any other role it also carries is dropped, so that a badly issued
     * token can never list other enterprises' records through an endpoint meant for regulators.
     */
    static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Caller.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        String enterprise = "ROLE_" + Roles.ENTERPRISE;
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> granted = authorities.convert(jwt);
            boolean scoped = granted.stream().anyMatch(a -> enterprise.equals(a.getAuthority()));
            return scoped
                    ? granted.stream()
                            .filter(a -> enterprise.equals(a.getAuthority()))
                            .toList()
                    : granted;
        });
        return converter;
    }
}

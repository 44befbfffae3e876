package org.safereg.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";

    OpenApiConfiguration() {
        // resolved from the token, not sent by the client: keep it out of the documented parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** Tags in name order: the order controllers are found in may differ between machines, the contract must not. */
    @Bean
    OpenApiCustomizer tagsInNameOrder() {
        return api -> {
            if (api.getTags() != null) {
                api.setTags(api.getTags().stream()
                        .sorted(Comparator.comparing(Tag::getName))
                        .toList());
            }
        };
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenAPI safeRegOpenApi() {
        // the jar's manifest carries the project version; a run from the IDE has none
        String version = Optional.ofNullable(
                        OpenApiConfiguration.class.getPackage().getImplementationVersion())
                .orElse("development");
        return new OpenAPI()
                .info(
                        new Info()
                                .title("SafeReg API")
                                .version(version)
                                .description(
                                        """
                                Decisions of a work-safety regulator's rule engine: alarm levels, enterprise credit \
                                tiers, risk levels, inspection frequency and escalation, each with the rules that \
                                fired. Every /api/v1 call needs a bearer JWT whose 'roles' claim lists SafeReg roles \
                                (POLICY_ADMIN, POLICY_VIEWER, DISPATCH, INSPECTOR, ENTERPRISE, SENSOR_GATEWAY, \
                                REGULATOR, DEPARTMENT); an ENTERPRISE token also carries 'enterprise_id', the enterprise's \
                                unified social credit code, and sees only that enterprise. In the embedded default, \
                                POST /dev/tokens mints such tokens. Errors are RFC 9457 problem details whose \
                                'type' is a stable urn:safereg:problem:<slug>."""))
                // relative: the contract is the same whichever host serves it; clients set their base URL
                .servers(List.of(new Server().url("/").description("the SafeReg instance that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A JWT from the identity provider, or from POST /dev/tokens in the"
                                                + " embedded default")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}

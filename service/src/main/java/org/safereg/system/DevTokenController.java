package org.safereg.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.safereg.system.DevTokenIssuer.DevToken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnProperty(name = TokenSettingsGuard.ENABLED, havingValue = "true")
@Tag(name = "development tokens", description = "Embedded default only; absent when safereg.dev-tokens.enabled=false")
class DevTokenController {

    /** Length of a unified social credit code (GB 32100-2015). */
    static final int CREDIT_CODE_LENGTH = 18;

    private final DevTokenIssuer issuer;

    DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(path = "/dev/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(
            operationId = "mintDevToken",
            summary = "Mint a development bearer token for any role (embedded default only)")
    DevToken mint(@Valid @RequestBody DevTokenRequest request) {
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        for (int i = 0; i < request.roles().size(); i++) {
            String role = request.roles().get(i);
            if (!Roles.ALL.contains(role)) {
                violations.add(new InvalidInputException.Violation(
                        "roles[" + i + "]",
                        Text.of(
                                "dev-tokens.unknown-role",
                                "unknown role '{0}'; known roles are {1}",
                                role,
                                String.join(", ", new TreeSet<>(Roles.ALL)))));
            }
        }
        String enterpriseId =
                request.enterpriseId() == null ? null : request.enterpriseId().trim();
        if (request.roles().contains(Roles.ENTERPRISE)) {
            if (enterpriseId == null || enterpriseId.isEmpty()) {
                violations.add(new InvalidInputException.Violation(
                        "enterpriseId",
                        Text.of(
                                "dev-tokens.enterprise-required",
                                "is required for an ENTERPRISE token: the enterprise's credit code")));
            } else if (enterpriseId.length() != CREDIT_CODE_LENGTH) {
                violations.add(new InvalidInputException.Violation(
                        "enterpriseId",
                        Text.of(
                                "input.credit-code-length",
                                "must be an {0}-character unified social credit code",
                                CREDIT_CODE_LENGTH)));
            }
        } else if (enterpriseId != null && !enterpriseId.isEmpty()) {
            violations.add(new InvalidInputException.Violation(
                    "enterpriseId",
                    Text.of("dev-tokens.enterprise-only", "is only for tokens with the role ENTERPRISE")));
        }
        Duration ttl = request.ttlMinutes() == null ? issuer.defaultTtl() : Duration.ofMinutes(request.ttlMinutes());
        if (ttl.compareTo(issuer.maxTtl()) > 0) {
            violations.add(new InvalidInputException.Violation(
                    "ttlMinutes",
                    Text.of(
                            "input.at-most",
                            "must be at most {0}",
                            issuer.maxTtl().toMinutes())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(
                    Text.of(
                            "dev-tokens.invalid",
                            "The token request is invalid: {0}.",
                            InvalidInputException.listed(violations, " ")),
                    violations);
        }
        return issuer.issue(
                request.subject().trim(),
                List.copyOf(new TreeSet<>(request.roles())),
                request.roles().contains(Roles.ENTERPRISE) ? enterpriseId : null,
                ttl);
    }

    record DevTokenRequest(
            @NotBlank @Size(max = 200) String subject,
            @NotEmpty List<@NotBlank String> roles,
            String enterpriseId,
            @Positive Integer ttlMinutes) {}
}

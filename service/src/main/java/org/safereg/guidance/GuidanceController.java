package org.safereg.guidance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.safereg.enterprise.CreditCodes;
import org.safereg.system.Caller;
import org.safereg.system.InvalidInputException;
import org.safereg.system.Text;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Guidance", description = "An enterprise's own page: why its tier and risk level, and what would lift them")
class GuidanceController {

    private static final String READERS =
            "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','DISPATCH','INSPECTOR','REGULATOR','ENTERPRISE')";

    private final Guidance guidance;

    GuidanceController(Guidance guidance) {
        this.guidance = guidance;
    }

    @GetMapping("/enterprises/{creditCode}/guidance")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getEnterpriseGuidance",
            summary = "An enterprise's tier and risk level in plain sentences, its costliest indicator and the smallest"
                    + " changes of its facts that would lift its tier",
            description = "Decided now on the rule set in force, from today's facts; nothing is written. Enterprises"
                    + " may read only their own.")
    GuidanceView guidance(@PathVariable String creditCode, Authentication authentication) {
        Text problem = CreditCodes.problemOf(creditCode);
        if (problem != null) {
            throw new InvalidInputException(CreditCodes.notACode(creditCode, problem));
        }
        Caller.of(authentication).requireAccessToEnterprise(creditCode);
        return guidance.of(creditCode);
    }
}

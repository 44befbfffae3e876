package org.safereg.enforcement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.safereg.system.Caller;
import org.safereg.system.Languages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(
        name = "Enforcement decisions",
        description = "What the Work Safety Law and the discretion benchmark allow for each violation found"
                + " (行政处罚裁量), decided by the enforcement-discretion DMN model of the rule set in force")
class EnforcementController {

    static final String READERS = "hasAnyRole('DISPATCH','INSPECTOR','REGULATOR','POLICY_ADMIN','POLICY_VIEWER')";

    private final EnforcementQueries queries;

    EnforcementController(EnforcementQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/tasks/{id}/enforcement-decisions")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "listTaskEnforcementDecisions",
            summary = "The enforcement decisions of a task's result, one per violation found",
            description = "Decided when the result came back, on the rule set then in force; empty for a task"
                    + " without a result or without violations.")
    List<EnforcementDecisionView> byTask(@PathVariable long id, HttpServletRequest request) {
        return queries.byTask(id, Languages.of(request));
    }

    @GetMapping("/enterprises/{creditCode}/enforcement-decisions")
    @PreAuthorize("hasAnyRole('DISPATCH','INSPECTOR','REGULATOR','POLICY_ADMIN','POLICY_VIEWER','ENTERPRISE')")
    @Operation(
            operationId = "listEnterpriseEnforcementDecisions",
            summary = "An enterprise's enforcement decisions, newest first, with the legal basis in plain Chinese",
            description = "An ENTERPRISE token reads only its own enterprise's decisions. legalBasis and reasons are"
                    + " the model's Chinese sentences; summary follows Accept-Language (zh or en).")
    List<EnforcementDecisionView> byEnterprise(
            @PathVariable String creditCode,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            Authentication authentication,
            HttpServletRequest request) {
        Caller.of(authentication).requireAccessToEnterprise(creditCode);
        return queries.byEnterprise(creditCode, limit, Languages.of(request));
    }

    @PostMapping("/enforcement/what-if")
    @PreAuthorize("hasAnyRole('INSPECTOR','REGULATOR','POLICY_ADMIN','POLICY_VIEWER')")
    @Operation(
            operationId = "decideEnforcementWhatIf",
            summary = "What the law allows for a violation in given circumstances, decided and not kept",
            description = "Decided by the rule set in force, with its provenance. An article or item the model does"
                    + " not know answers urn:safereg:problem:unknown-violation, a missing circumstance"
                    + " urn:safereg:problem:missing-circumstances (both 422).")
    EnforcementDecisionView whatIf(@Valid @RequestBody Circumstances circumstances, HttpServletRequest request) {
        return queries.whatIf(circumstances, Languages.of(request));
    }
}

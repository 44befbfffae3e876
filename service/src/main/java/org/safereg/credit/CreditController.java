package org.safereg.credit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.safereg.system.Caller;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Credit", description = "Enterprise safety credit (安全生产信用) tiers and their evaluation")
class CreditController {

    private static final String READERS =
            "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','DISPATCH','INSPECTOR','REGULATOR','ENTERPRISE')";

    private final CreditQueries queries;
    private final CreditEvaluations evaluations;

    CreditController(CreditQueries queries, CreditEvaluations evaluations) {
        this.queries = queries;
        this.evaluations = evaluations;
    }

    @GetMapping("/enterprises/{creditCode}/credit")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getCredit",
            summary = "An enterprise's credit tier, score and why",
            description = "Enterprises may read only their own credit.")
    CreditView credit(@PathVariable String creditCode, Authentication authentication) {
        Caller.of(authentication).requireAccessToEnterprise(creditCode);
        return queries.credit(creditCode);
    }

    @GetMapping("/enterprises/{creditCode}/credit/history")
    @PreAuthorize(READERS)
    @Operation(operationId = "listCreditHistory", summary = "Changes of an enterprise's credit, newest first")
    List<HistoryView> history(
            @PathVariable String creditCode,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            Authentication authentication) {
        Caller.of(authentication).requireAccessToEnterprise(creditCode);
        return queries.history(creditCode, limit);
    }

    @GetMapping("/credit/enterprises")
    @PreAuthorize("hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','DISPATCH','INSPECTOR','REGULATOR')")
    @Operation(
            operationId = "listCredits",
            summary = "Current credits, filtered by tier and region, in pages",
            description = "Pass the previous page's next as after to read on.")
    CreditQueries.CreditPage list(
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return queries.list(tier, region, after, limit);
    }

    @PostMapping("/credit/evaluations")
    @PreAuthorize("hasRole('POLICY_ADMIN')")
    @ApiResponse(
            responseCode = "202",
            description = "the job, started or already running; Location names it for polling")
    @Operation(
            operationId = "startCreditEvaluation",
            summary = "Start a full credit evaluation of every enterprise",
            description = "Returns 202 with the job to poll; if one is already running, that one is returned.")
    ResponseEntity<CreditJobView> evaluate(Authentication authentication) {
        CreditJobRecord job = evaluations.start("API", Caller.of(authentication).subject());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/credit/evaluations/" + job.id()))
                .body(CreditJobView.of(job));
    }

    @GetMapping("/credit/evaluations/{id}")
    @PreAuthorize("hasAnyRole('POLICY_ADMIN','POLICY_VIEWER')")
    @Operation(operationId = "getCreditEvaluation", summary = "Progress of a credit evaluation")
    CreditJobView job(@PathVariable long id) {
        return evaluations
                .job(id)
                .map(CreditJobView::of)
                .orElseThrow(
                        () -> new NotFoundException(Text.of("credit.unknown-job", "No credit evaluation {0}.", id)));
    }
}

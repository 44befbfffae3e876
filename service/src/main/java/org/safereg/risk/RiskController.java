package org.safereg.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.safereg.system.Caller;
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
@Tag(name = "Risk", description = "Enterprise risk levels (风险等级) red / orange / yellow / blue and the heat map")
class RiskController {

    private static final String READERS =
            "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','DISPATCH','INSPECTOR','REGULATOR','ENTERPRISE')";
    private static final String REGULATORS =
            "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','DISPATCH','INSPECTOR','REGULATOR')";

    private final RiskQueries queries;
    private final RiskRecompute recompute;

    RiskController(RiskQueries queries, RiskRecompute recompute) {
        this.queries = queries;
        this.recompute = recompute;
    }

    @GetMapping("/enterprises/{creditCode}/risk")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getRisk",
            summary = "An enterprise's risk level and why",
            description = "Each fact that raised the level with the table row that used it. Enterprises may read"
                    + " only their own.")
    RiskView risk(@PathVariable String creditCode, Authentication authentication) {
        Caller.of(authentication).requireAccessToEnterprise(creditCode);
        return queries.risk(creditCode);
    }

    @GetMapping("/enterprises/{creditCode}/risk/history")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "listRiskHistory",
            summary = "Changes of an enterprise's risk level with their cause, newest first")
    List<RiskHistoryView> history(
            @PathVariable String creditCode,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            Authentication authentication) {
        Caller.of(authentication).requireAccessToEnterprise(creditCode);
        return queries.history(creditCode, limit);
    }

    @GetMapping("/risk/enterprises")
    @PreAuthorize(REGULATORS)
    @Operation(
            operationId = "listRiskLevels",
            summary = "Current risk levels, filtered by level, region and sector, in pages",
            description = "Pass the previous page's next as after to read on.")
    RiskQueries.RiskPage list(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String sector,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return queries.list(level, region, sector, after, limit);
    }

    @GetMapping("/risk/heat-map")
    @PreAuthorize(REGULATORS)
    @Operation(
            operationId = "getRiskHeatMap",
            summary = "Enterprises per risk level, sub-region and sector, with the main open hazards of each cell",
            description =
                    "A province is split into its cities, a city into its counties; without region, into" + " cities.")
    HeatMap heatMap(@RequestParam(required = false) String region) {
        return queries.heatMap(region);
    }

    @PostMapping("/risk/evaluations")
    @PreAuthorize("hasRole('POLICY_ADMIN')")
    @ApiResponse(responseCode = "202", description = "requested: state STARTED and who requested it")
    @Operation(
            operationId = "startRiskEvaluation",
            summary = "Recompute every enterprise's risk level",
            description = "Runs in the background (after recomputes already waiting); returns 202 at once, with the"
                    + " job that follows it in Location.")
    ResponseEntity<Map<String, String>> evaluate(Authentication authentication) {
        long job = recompute.requestRecomputeAll(
                "REQUEST", Caller.of(authentication).subject());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + job))
                .body(Map.of(
                        "state",
                        "STARTED",
                        "requestedBy",
                        Caller.of(authentication).subject()));
    }
}

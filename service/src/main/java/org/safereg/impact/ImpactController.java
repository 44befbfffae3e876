package org.safereg.impact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.safereg.jobs.Job;
import org.safereg.jobs.JobKind;
import org.safereg.jobs.Jobs;
import org.safereg.jobs.Progress;
import org.safereg.rulesets.RuleSetVersions;
import org.safereg.system.Caller;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rule-sets")
@Tag(name = "Rule sets", description = "Upload, check, approve, activate and roll back the policy (规则集管理)")
class ImpactController {

    private static final String READERS = "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER')";

    private final RuleSetVersions versions;
    private final ImpactSimulation impacts;
    private final Jobs jobs;

    ImpactController(RuleSetVersions versions, ImpactSimulation impacts, Jobs jobs) {
        this.versions = versions;
        this.impacts = impacts;
        this.jobs = jobs;
    }

    @PostMapping("/{version}/impact")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "simulateImpact",
            summary = "Simulate what activating a version would change, without activating it",
            description = "Every enterprise's credit tier and risk level and every point's latest reading decided on"
                    + " this version and on the one compared against (default: the active one) from the facts as"
                    + " they are now, by the features' own evaluation; the inspection workload the frequency table"
                    + " plans from them. Counts by region and sector, and the list (first 1,000). Nothing is written."
                    + " With wait=true (the default) the answer is the report; with wait=false it is 202 Accepted"
                    + " with the job (Location: /api/v1/jobs/{id}), whose result links to the report.")
    @ApiResponse(
            responseCode = "200",
            description = "wait=true: the report",
            content = @Content(schema = @Schema(implementation = ImpactSimulation.Report.class)))
    @ApiResponse(
            responseCode = "202",
            description = "wait=false: the job",
            content = @Content(schema = @Schema(implementation = Job.class)))
    ResponseEntity<?> simulateImpact(
            @PathVariable String version,
            @RequestParam(required = false) String against,
            @RequestParam(defaultValue = "true") boolean wait,
            Caller caller) {
        RuleSetVersions.Compared compared = versions.compare(version, against);
        String report = "/api/v1/rule-sets/" + compared.version() + "/impact?against=" + compared.against();
        if (wait) {
            ImpactSimulation.Report simulated = jobs.queue(JobKind.IMPACT_SIMULATION, caller.subject())
                    .complete(progress -> simulate(compared, progress), r -> report);
            return ResponseEntity.ok(simulated);
        }
        Job job = jobs.submit(JobKind.IMPACT_SIMULATION, caller.subject(), progress -> {
            simulate(compared, progress);
            return report;
        });
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + job.id()))
                .body(job);
    }

    private ImpactSimulation.Report simulate(RuleSetVersions.Compared compared, Progress progress) {
        return impacts.simulate(
                compared.version(), compared.candidate(), compared.against(), compared.current(), progress);
    }

    @GetMapping("/{version}/impact")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getLastImpact",
            summary =
                    "The last impact simulated for a version against another (default: the active one); 404 when none")
    ImpactSimulation.Report lastImpact(@PathVariable String version, @RequestParam(required = false) String against) {
        String other = versions.comparedWith(version, against);
        ImpactSimulation.Report report = impacts.last(version, other);
        if (report == null) {
            throw new NotFoundException(Text.of(
                    "impact.not-simulated",
                    "No impact of rule set {0} against {1} has been simulated yet; POST to simulate it.",
                    version,
                    other));
        }
        return report;
    }
}

package org.safereg.impact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.safereg.rulesets.RuleSetVersions;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;
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

    ImpactController(RuleSetVersions versions, ImpactSimulation impacts) {
        this.versions = versions;
        this.impacts = impacts;
    }

    @PostMapping("/{version}/impact")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Simulate what activating a version would change, without activating it",
            description = "Every enterprise's credit tier and risk level and every point's latest reading decided on"
                    + " this version and on the one compared against (default: the active one) from the facts as"
                    + " they are now, by the features' own evaluation; the inspection workload the frequency table"
                    + " plans from them. Counts by region and sector, and the list (first 1,000). Nothing is written.")
    ImpactSimulation.Report simulateImpact(
            @PathVariable String version, @RequestParam(required = false) String against) {
        RuleSetVersions.Compared compared = versions.compare(version, against);
        return impacts.simulate(compared.version(), compared.candidate(), compared.against(), compared.current());
    }

    @GetMapping("/{version}/impact")
    @PreAuthorize(READERS)
    @Operation(
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

package org.safereg.hazards;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.safereg.system.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/hazards")
@Validated
@Tag(name = "Hazards", description = "Hidden hazards (隐患), their rectification (整改) and its verification (验收)")
class HazardController {

    static final String READERS =
            "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','DISPATCH','INSPECTOR','REGULATOR','ENTERPRISE')";
    static final String RECORDERS = "hasAnyRole('INSPECTOR','REGULATOR','ENTERPRISE')";
    static final String VERIFIERS = "hasAnyRole('INSPECTOR','REGULATOR')";

    private final Hazards hazards;

    HazardController(Hazards hazards) {
        this.hazards = hazards;
    }

    @PostMapping
    @PreAuthorize(RECORDERS)
    @ApiResponse(responseCode = "201", description = "recorded; Location names the new hazard")
    @Operation(
            operationId = "recordHazard",
            summary = "Record a hazard",
            description = "Enterprises record their own self-check hazards; inspectors and regulators any."
                    + " A major hazard's deadline is at most one year after it was found.")
    ResponseEntity<HazardView> record(@Valid @RequestBody NewHazard hazard, Caller caller) {
        HazardView created = hazards.record(hazard, caller);
        return ResponseEntity.created(URI.create("/api/v1/hazards/" + created.id()))
                .body(created);
    }

    @PostMapping("/{id}/rectification")
    @PreAuthorize(RECORDERS)
    @Operation(
            operationId = "rectifyHazard",
            summary = "Record that a hazard was rectified",
            description = "Enterprises only their own.")
    HazardView rectify(@PathVariable long id, @Valid @RequestBody Rectification rectification, Caller caller) {
        return hazards.rectify(id, rectification, caller);
    }

    @PostMapping("/{id}/verification")
    @PreAuthorize(VERIFIERS)
    @Operation(
            operationId = "verifyHazardRectification",
            summary = "Record that a rectification passed its acceptance check (inspectors, regulators)")
    HazardView verify(@PathVariable long id, @Valid @RequestBody Verification verification, Caller caller) {
        return hazards.verify(id, verification, caller);
    }

    @PostMapping("/{id}/screening-verification")
    @PreAuthorize(VERIFIERS)
    @Operation(
            operationId = "resolveHazardScreening",
            summary = "Department verification (部门核查) of a platform-screening flag (inspectors, regulators)",
            description = "A self-check graded GENERAL whose description matched a major-hazard criterion of"
                    + " hazard-types.xlsx is flagged; CONFIRMED regrades it MAJOR, DISMISSED keeps it GENERAL, and"
                    + " either way the flag stops escalating. 409 when no flag is waiting.")
    HazardView resolveScreening(
            @PathVariable long id, @Valid @RequestBody ScreeningResolution resolution, Caller caller) {
        return hazards.resolveScreening(id, resolution, caller);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getHazard", summary = "One hazard", description = "Enterprises see only their own.")
    HazardView get(@PathVariable long id, Caller caller) {
        return hazards.get(id, caller);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            operationId = "listHazards",
            summary = "Hazards in the order recorded, filtered by enterprise, grade, open (not verified) and overdue",
            description = "Enterprises see only their own. Pass the previous page's next as after to read on.")
    HazardPage list(
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) HazardGrade grade,
            @RequestParam(required = false) Boolean open,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            Caller caller) {
        List<HazardView> items = hazards.list(caller, enterprise, grade, open, overdue, after, limit);
        return new HazardPage(
                items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    record HazardPage(List<HazardView> items, Long next) {}
}

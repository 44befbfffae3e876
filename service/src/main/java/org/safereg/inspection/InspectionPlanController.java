package org.safereg.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.safereg.jobs.Job;
import org.safereg.jobs.JobKind;
import org.safereg.jobs.Jobs;
import org.safereg.system.Caller;
import org.safereg.system.InvalidInputException;
import org.safereg.system.Text;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
@RequestMapping("/api/v1/inspection-plans")
@Validated
@Tag(name = "Inspection plans", description = "Differentiated inspection plans (差异化监管, 双随机一公开)")
class InspectionPlanController {

    static final String PLANNERS = "hasAnyRole('DISPATCH','POLICY_ADMIN')";
    static final String READERS = "hasAnyRole('DISPATCH','POLICY_ADMIN','POLICY_VIEWER')";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final InspectionPlans plans;
    private final InspectionProperties properties;
    private final Jobs jobs;

    InspectionPlanController(InspectionPlans plans, InspectionProperties properties, Jobs jobs) {
        this.plans = plans;
        this.properties = properties;
        this.jobs = jobs;
    }

    @PostMapping
    @PreAuthorize(PLANNERS)
    @ApiResponse(responseCode = "201", description = "the plan, stored; Location names it")
    @ApiResponse(
            responseCode = "422",
            description = "the inspectors cannot cover the mandatory items (urn:safereg:problem:infeasible-plan)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/InfeasiblePlanProblem")))
    @Operation(
            operationId = "createInspectionPlan",
            summary = "Make and store a plan for a region and period",
            description = "Mandatory (key supervision) and randomly drawn inspections with due windows, priority,"
                    + " reasons and focus points, each assigned at random to an inspector of the region with"
                    + " capacity, never a conflicted one and never the one who inspected the enterprise last."
                    + " The same facts, rules and seed give the identical plan. With wait=true (the default) the"
                    + " answer is the plan (201); with wait=false, once the request is found plannable, 202 Accepted"
                    + " with the job (Location: /api/v1/jobs/{id}), whose result links to the plan.")
    @ApiResponse(
            responseCode = "201",
            description = "wait=true: the plan",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @ApiResponse(
            responseCode = "202",
            description = "wait=false: the job",
            content = @Content(schema = @Schema(implementation = Job.class)))
    ResponseEntity<?> create(
            @Valid @RequestBody PlanRequest request, @RequestParam(defaultValue = "true") boolean wait, Caller caller) {
        PlanPeriod period = plans.validate(request);
        if (wait) {
            PlanView plan = jobs.queue(JobKind.INSPECTION_PLAN, caller.subject())
                    .complete(progress -> plans.draft(request, period, caller.subject(), progress), this::link);
            return ResponseEntity.created(URI.create(link(plan))).body(plan);
        }
        Job job = jobs.submit(
                JobKind.INSPECTION_PLAN,
                caller.subject(),
                progress -> link(plans.draft(request, period, caller.subject(), progress)));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + job.id()))
                .body(job);
    }

    private String link(PlanView plan) {
        return "/api/v1/inspection-plans/" + plan.id();
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            operationId = "listInspectionPlans",
            summary = "Stored plans, newest first, of a region and its sub-regions and in a state")
    List<PlanView.Summary> list(
            @RequestParam(required = false) @Pattern(regexp = "\\d{6}") String region,
            @RequestParam(required = false) @Pattern(regexp = "PROPOSED|ACCEPTED") String state) {
        return plans.list(region, state, properties.listLimit());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getInspectionPlan", summary = "One stored plan with all its items")
    PlanView get(@PathVariable long id) {
        return plans.get(id);
    }

    @GetMapping("/{id}/statistics")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getInspectionPlanStatistics",
            summary = "Inspections by tier and risk level beside a uniform plan of the same size; workload per"
                    + " inspector")
    PlanStatistics statistics(@PathVariable long id) {
        return plans.statistics(id);
    }

    @GetMapping("/{id}/export")
    @PreAuthorize(READERS)
    @ApiResponse(
            responseCode = "200",
            description = "the items as CSV (format=csv) or an Excel workbook (format=xlsx)",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary"))
            })
    @Operation(operationId = "exportInspectionPlan", summary = "The plan's items as CSV or XLSX for offline dispatch")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "csv") String format) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw InvalidInputException.forField("format", Text.of("inspection.export-format", "must be csv or xlsx"));
        }
        PlanView plan = plans.get(id);
        List<PlanView.Item> items = new ArrayList<>(plan.mandatory());
        items.addAll(plan.random());
        boolean csv = format.equals("csv");
        byte[] body = csv ? PlanExport.csv(items) : PlanExport.xlsx(plan, items);
        return ResponseEntity.ok()
                .contentType(csv ? CSV : XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("inspection-plan-" + id + "." + format)
                                .build()
                                .toString())
                .body(body);
    }

    @PostMapping("/{id}/acceptance")
    @PreAuthorize(PLANNERS)
    @Operation(
            operationId = "acceptInspectionPlan",
            summary = "Accept a proposed plan",
            description = "The plan becomes the history later plans respect (intervals, yearly maxima, no repeat"
                    + " inspector) and InspectionPlanAccepted is published for the enforcement tasks.")
    PlanView accept(@PathVariable long id, Caller caller) {
        return plans.accept(id, caller);
    }
}

package org.safereg.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.safereg.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/jobs")
@Validated
@Tag(
        name = "Jobs",
        description =
                "How far long jobs got: credit evaluations, risk recomputes, impact simulations, inspection plans")
class JobsController {

    static final String READERS = "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','DISPATCH','DEPARTMENT')";

    private final Jobs jobs;
    private final JobEvents events;

    JobsController(Jobs jobs, JobEvents events) {
        this.jobs = jobs;
        this.events = events;
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getJob",
            summary = "One job: state, done of total, percent, ETA, error (a problem detail) and the link to its"
                    + " result",
            description = "Any instance answers, whichever instance runs the job.")
    Job job(@PathVariable long id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("No job " + id + "."));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            operationId = "listJobs",
            summary = "Jobs, newest first, of a kind and in a state",
            description = "Pass the previous page's next as before to read on.")
    Jobs.JobPage list(
            @RequestParam(required = false) JobKind kind,
            @RequestParam(required = false) JobState state,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return jobs.list(kind, state, before, limit);
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(READERS)
    @Operation(
            operationId = "followJob",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description =
                                    "a text/event-stream of 'progress' events, then 'finished', each a Job as JSON",
                            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string"))),
            summary = "Server-sent events of a job: 'progress' when done changes (at most 4 a second), then"
                    + " 'finished', each with the job",
            description = "The job's state comes at once on connecting; after the end, 'finished' at once and the"
                    + " stream closes. A browser's EventSource may pass its token as access_token.")
    SseEmitter events(@PathVariable long id) {
        return events.follow(id);
    }
}

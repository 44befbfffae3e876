package org.safereg.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.safereg.system.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Alarms", description = "Alarm episodes (报警) and early warnings (预警) of monitoring points")
class AlarmController {

    private final Alarms alarms;
    private final MonitoringPoints points;
    private final AlarmStream stream;
    private final MonitoringProperties properties;

    AlarmController(Alarms alarms, MonitoringPoints points, AlarmStream stream, MonitoringProperties properties) {
        this.alarms = alarms;
        this.points = points;
        this.stream = stream;
        this.properties = properties;
    }

    @GetMapping("/alarms")
    @PreAuthorize(MonitoringPointController.READERS)
    @Operation(
            operationId = "listAlarms",
            summary = "Alarms, newest first, filtered by enterprise, region, level, state and time raised",
            description = "Enterprises see only their own. Pass the previous page's next as before to read on.")
    AlarmPage list(
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @Min(0) @Max(3) Integer level,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            Caller caller) {
        List<AlarmView> items = alarms.list(caller, enterprise, region, level, state, from, to, before, limit);
        return new AlarmPage(
                items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    @GetMapping("/alarms/{id}")
    @PreAuthorize(MonitoringPointController.READERS)
    @Operation(operationId = "getAlarm", summary = "One alarm with the rule that decided its level")
    AlarmView get(@PathVariable long id, Caller caller) {
        return alarms.get(id, caller);
    }

    @PostMapping("/alarms/{id}/acknowledgement")
    @PreAuthorize("hasAnyRole('REGULATOR','POLICY_ADMIN','ENTERPRISE')")
    @Operation(
            operationId = "acknowledgeAlarm",
            summary = "Acknowledge an alarm",
            description = "An alarm is held until acknowledged; it clears once acknowledged and back to normal."
                    + " Enterprises acknowledge only their own.")
    AlarmView acknowledge(@PathVariable long id, Caller caller) {
        return alarms.acknowledge(id, caller);
    }

    @GetMapping("/monitoring-points/{code}/alarm-events")
    @PreAuthorize(MonitoringPointController.READERS)
    @Operation(operationId = "listAlarmEvents", summary = "The alarm history of a monitoring point, newest first")
    List<AlarmEventView> history(
            @PathVariable String code,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            Caller caller) {
        return alarms.historyOf(points.get(code, caller), limit);
    }

    @GetMapping(path = "/alarms/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(MonitoringPointController.READERS)
    @Operation(
            operationId = "streamAlarms",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "a text/event-stream of 'alarm' events, each an AlarmView as JSON",
                            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string"))),
            summary = "Server-sent events: every alarm change as it happens (event name 'alarm')")
    SseEmitter stream(Caller caller) {
        return stream.subscribe(caller, properties.streamTimeout().toMillis());
    }

    record AlarmPage(List<AlarmView> items, Long next) {}
}

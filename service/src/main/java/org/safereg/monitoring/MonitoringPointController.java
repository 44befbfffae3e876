package org.safereg.monitoring;

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
@RequestMapping("/api/v1/monitoring-points")
@Validated
@Tag(name = "Monitoring points", description = "Sensors (监测点) whose readings are checked against the alarm thresholds")
class MonitoringPointController {

    static final String READERS =
            "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','DISPATCH','INSPECTOR','REGULATOR','ENTERPRISE')";

    private final MonitoringPoints points;

    MonitoringPointController(MonitoringPoints points) {
        this.points = points;
    }

    @PostMapping
    @PreAuthorize("hasRole('POLICY_ADMIN')")
    @ApiResponse(responseCode = "201", description = "registered; Location names the new point")
    @Operation(operationId = "registerMonitoringPoint", summary = "Register a monitoring point")
    ResponseEntity<MonitoringPointView> register(@Valid @RequestBody NewMonitoringPoint point) {
        MonitoringPoint created = points.register(point);
        return ResponseEntity.created(URI.create("/api/v1/monitoring-points/" + created.code()))
                .body(MonitoringPointView.of(created));
    }

    @GetMapping("/{code}")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getMonitoringPoint",
            summary = "A monitoring point",
            description = "Enterprises see only their own points.")
    MonitoringPointView get(@PathVariable String code, Caller caller) {
        return MonitoringPointView.of(points.get(code, caller));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            operationId = "listMonitoringPoints",
            summary = "Monitoring points in registration order, optionally of one enterprise",
            description = "Enterprises see only their own points. Pass the previous page's next as after to read on.")
    PointPage list(
            @RequestParam(required = false) String enterprise,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            Caller caller) {
        List<MonitoringPoint> found = points.list(caller, enterprise, after, limit);
        Long next = found.size() == limit ? found.get(found.size() - 1).id() : null;
        return new PointPage(found.stream().map(MonitoringPointView::of).toList(), next);
    }

    record PointPage(List<MonitoringPointView> items, Long next) {}
}

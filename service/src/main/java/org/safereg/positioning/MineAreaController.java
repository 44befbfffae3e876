package org.safereg.positioning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Mine areas", description = "Areas of coal mines whose personnel positions raise alarms (AQ 1119-2023)")
class MineAreaController {

    static final String READERS =
            "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','DISPATCH','INSPECTOR','REGULATOR','ENTERPRISE')";

    private final MineAreas areas;
    private final Positions positions;

    MineAreaController(MineAreas areas, Positions positions) {
        this.areas = areas;
        this.positions = positions;
    }

    @PostMapping("/mine-areas")
    @PreAuthorize("hasRole('POLICY_ADMIN')")
    @ApiResponse(responseCode = "201", description = "registered; Location names the new area")
    @Operation(
            operationId = "registerMineArea",
            summary = "Register a mine area",
            description = "Registers the area and the monitoring points its alarms live on: <code>:ENTRY for a"
                    + " RESTRICTED area, <code>:OCCUPANCY for a KEY area (capacity required), <code>:DWELL for any"
                    + " area with a dwell limit.")
    ResponseEntity<MineAreaView> register(@Valid @RequestBody NewMineArea area) {
        MineArea created = areas.register(area);
        return ResponseEntity.created(URI.create("/api/v1/mine-areas/" + created.code()))
                .body(MineAreaView.of(created));
    }

    @GetMapping("/mine-areas/{code}")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getMineArea",
            summary = "A mine area",
            description = "Enterprises see only their own areas.")
    MineAreaView get(@PathVariable String code, Caller caller) {
        return MineAreaView.of(areas.get(code, caller));
    }

    @GetMapping("/mine-areas/{code}/occupancy")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getMineAreaOccupancy",
            summary = "Who is in a mine area now, since when",
            description = "Enterprises see only their own areas.")
    Occupancy occupancy(@PathVariable String code, Caller caller) {
        return positions.occupancy(code, caller);
    }

    @GetMapping("/alarms/{id}/persons")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "listAlarmPersons",
            summary = "The person cards a mine area alarm names",
            description = "Empty for an alarm that is not about a mine area. Enterprises see only their own.")
    List<AlarmPerson> persons(@PathVariable long id, Caller caller) {
        return positions.personsOfAlarm(id, caller);
    }
}

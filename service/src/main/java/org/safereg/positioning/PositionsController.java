package org.safereg.positioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.safereg.system.BatchBodies;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/positions")
@Tag(name = "Personnel positions", description = "Person cards entering and leaving mine areas (人员定位)")
class PositionsController {

    private final Positions positions;
    private final PositioningProperties properties;

    PositionsController(Positions positions, PositioningProperties properties) {
        this.positions = positions;
        this.properties = properties;
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasRole('SENSOR_GATEWAY')")
    @Operation(
            operationId = "pushPositions",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = PositionBatch.class))),
            summary = "Push a batch of position events",
            description =
                    """
                    Body: {"positions": [{"card": "0012345", "area": "K-301", "areaType": "KEY", "action": "ENTER", \
                    "at": "2026-01-01T08:00:00Z"}, ...]} (areaType is optional; when given it must match the \
                    registered area). Each event is judged on its own: the good ones are taken, and the answer lists \
                    every refused one with its index, a reason code and why, and the alarm changes with the person \
                    cards they name. A body that is not such an object is refused with 400, one too large with 413.""")
    PositionResult push(HttpServletRequest request) throws IOException {
        JsonNode items = BatchBodies.items(
                request, "positions", "position events", properties.maxBodyBytes(), properties.maxBatch());
        return positions.ingest(items);
    }
}

package org.safereg.monitoring;

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
@RequestMapping("/api/v1/readings")
@Tag(name = "Readings", description = "Sensor readings (监测数据) pushed by gateways")
class ReadingsController {

    private final Readings readings;
    private final MonitoringProperties properties;

    ReadingsController(Readings readings, MonitoringProperties properties) {
        this.readings = readings;
        this.properties = properties;
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasRole('SENSOR_GATEWAY')")
    @Operation(
            operationId = "pushReadings",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = ReadingBatch.class))),
            summary = "Push a batch of readings",
            description =
                    """
                    Body: {"readings": [{"sensor": "GT-101", "at": "2026-01-01T08:00:00Z", "value": 12.5, \
                    "unit": "%LEL"}, ...]}. Each reading is judged on its own: the good ones are taken and the \
                    answer lists every refused one with its index, a reason code and why. A body that is not \
                    such an object is refused with 400, one too large with 413.""")
    ReadingResult push(HttpServletRequest request) throws IOException {
        // the readings' arrival, for the time until their alarms are recorded
        long arrived = System.nanoTime();
        JsonNode items =
                BatchBodies.items(request, "readings", "readings", properties.maxBodyBytes(), properties.maxBatch());
        return readings.ingest(items, arrived);
    }
}

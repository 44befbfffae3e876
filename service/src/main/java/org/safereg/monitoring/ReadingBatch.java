package org.safereg.monitoring;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/readings}, as the contract describes it. The controller reads the body item by
 * item ({@link org.safereg.system.BatchBodies}) so that one bad reading is refused alone; this record only
 * names its shape for the OpenAPI document and the clients generated from it.
 */
@Schema(name = "ReadingBatch", description = "A batch of sensor readings; each is judged on its own")
record ReadingBatch(@ArraySchema(schema = @Schema(implementation = Item.class), minItems = 1) List<Item> readings) {

    @Schema(name = "ReadingBatchItem")
    record Item(
            @Schema(
                            description = "code of the registered monitoring point",
                            example = "GT-101",
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String sensor,
            @Schema(
                            description = "when the sensor measured it",
                            example = "2026-01-01T08:00:00Z",
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    Instant at,
            @Schema(
                            description = "the value, in the point's unit",
                            example = "12.5",
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    double value,
            @Schema(
                            description = "unit of the value; must be the point's unit",
                            example = "%LEL",
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String unit) {}
}

package org.safereg.positioning;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/positions}, as the contract describes it. The controller reads the body item by
 * item ({@link org.safereg.system.BatchBodies}) so that one bad event is refused alone; this record only names
 * its shape for the OpenAPI document and the clients generated from it.
 */
@Schema(name = "PositionBatch", description = "A batch of personnel position events; each is judged on its own")
record PositionBatch(@ArraySchema(schema = @Schema(implementation = Item.class), minItems = 1) List<Item> positions) {

    @Schema(name = "PositionBatchItem")
    record Item(
            @Schema(
                            description = "person card number",
                            example = "0012345",
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String card,
            @Schema(
                            description = "code of the registered mine area",
                            example = "K-301",
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String area,
            @Schema(description = "when given, must match the registered area's type", example = "KEY") String areaType,
            @Schema(
                            allowableValues = {"ENTER", "LEAVE"},
                            requiredMode = Schema.RequiredMode.REQUIRED)
                    String action,
            @Schema(example = "2026-01-01T08:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED) Instant at) {}
}

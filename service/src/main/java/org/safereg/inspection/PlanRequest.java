package org.safereg.inspection;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A request for a plan: the region (any level; its sub-regions are covered), the period, the inspectors
 * available and, optionally, the seed of the draw (one is generated and stored when it is missing).
 */
record PlanRequest(
        @Schema(description = "the region planned, any administrative level", example = "140100")
                @NotBlank
                @Pattern(regexp = "\\d{6}", message = "{safereg.input.region-code}")
                String region,
        @NotNull @Valid Period period,
        @NotEmpty(message = "{safereg.input.inspectors}") @Size(max = 20_000)
                List<@NotNull @Valid InspectorRequest> inspectors,
        @Schema(description = "the draw's seed; the same seed gives the same plan", example = "20270101") Long seed) {

    @Schema(name = "PlanRequestPeriod")
    record Period(@NotNull PlanPeriod.Kind kind, @Schema(example = "2027-01-01") @NotNull LocalDate start) {}

    /**
     * @param capacity inspections they can make in the period
     * @param conflicts credit codes of enterprises they must not inspect (回避)
     */
    record InspectorRequest(
            @NotBlank @Size(max = 64) String id,
            @NotBlank @Size(max = 64) String name,
            @NotBlank @Pattern(regexp = "\\d{6}", message = "{safereg.input.region-code}") String region,
            @NotNull @Min(0) Integer capacity,
            List<@NotBlank String> conflicts) {}
}

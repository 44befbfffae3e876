package org.safereg.hazards;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A hazard to record. */
record NewHazard(
        @Schema(description = "unified social credit code of the enterprise", example = "91140105MA0K2B3C45")
                @NotBlank
                @Pattern(regexp = "[0-9A-Z]{18}", message = "{safereg.input.credit-code}")
                String enterprise,
        @NotNull HazardSource source,
        @NotNull HazardGrade grade,
        @Schema(example = "储罐区可燃气体检测报警仪未定期检测") @NotBlank @Size(max = 255) String description,
        @Schema(example = "2026-11-20") @NotNull LocalDate foundOn,
        @Schema(example = "2026-12-20") @NotNull LocalDate deadline) {}

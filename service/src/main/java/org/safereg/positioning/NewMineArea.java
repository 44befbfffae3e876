package org.safereg.positioning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A mine area to register; {@code code} is the area id positioning gateways send. */
record NewMineArea(
        @NotBlank @Size(max = 48) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{safereg.input.area-code}")
                String code,
        @NotBlank @Pattern(regexp = "[0-9A-Z]{18}", message = "{safereg.input.credit-code}") String enterprise,
        @NotBlank @Size(max = 128) String name,
        @NotNull AreaType type,
        @Min(1) @Max(100000) Integer capacity,
        @Min(1) @Max(10080) Integer dwellLimitMinutes) {}

package org.safereg.monitoring;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A monitoring point to register; {@code code} is the sensor id its gateway will send. */
record NewMonitoringPoint(
        @NotBlank
                @Size(max = 64)
                @Pattern(regexp = "(?!.*\\.\\.)[A-Za-z0-9_:-][A-Za-z0-9._:-]*", message = "{safereg.input.point-code}")
                String code,
        @NotBlank @Pattern(regexp = "[0-9A-Z]{18}", message = "{safereg.input.credit-code}") String enterprise,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "{safereg.input.class-name}")
                String equipmentType,
        @NotBlank @Size(max = 64) String equipmentId,
        @NotBlank @Size(max = 128) String equipmentName,
        @Size(max = 64) String processUnit,
        @NotBlank String metric,
        @NotBlank String unit,
        @DecimalMin(value = "0", inclusive = false) BigDecimal ratedLimit,
        @DecimalMin(value = "0", inclusive = false) BigDecimal oel) {}

package org.safereg.hazards;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A hazard to record. */
record NewHazard(
        @NotBlank @Pattern(regexp = "[0-9A-Z]{18}", message = "{safereg.input.credit-code}") String enterprise,
        @NotNull HazardSource source,
        @NotNull HazardGrade grade,
        @NotBlank @Size(max = 255) String description,
        @NotNull LocalDate foundOn,
        @NotNull LocalDate deadline) {}

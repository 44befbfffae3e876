package org.safereg.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.safereg.enforcement.Circumstances;

/**
 * What the dispatch system reports when a task is done: violations found with their penalties, hazards
 * found, and whether the rectification under review was verified. Each becomes a fact.
 */
record TaskResult(
        @NotNull LocalDate inspectedOn,
        @Size(max = 100) List<@Valid @NotNull FoundViolation> violations,
        @Size(max = 100) List<@Valid @NotNull FoundHazard> hazards,
        Boolean rectificationVerified,
        @Size(max = 1000) String note) {

    List<FoundViolation> violationsOrEmpty() {
        return violations == null ? List.of() : violations;
    }

    List<FoundHazard> hazardsOrEmpty() {
        return hazards == null ? List.of() : hazards;
    }

    /**
     * A violation of the law (违法行为) with its penalty; {@code lawArticle} like {@code WSL-102}. With
     * {@code circumstances}, SafeReg decides the measures the law allows and keeps the decision on the task.
     */
    record FoundViolation(
            @NotBlank @Size(max = 255) String description,
            @Size(max = 32) @Pattern(regexp = "[A-Z]+-[0-9]+", message = "{safereg.input.law-article}")
                    String lawArticle,
            @DecimalMin("0") @DecimalMax("100000000") BigDecimal penaltyAmount,
            @DecimalMin("0") @DecimalMax("99") BigDecimal fineMultiple,
            @Valid Circumstances circumstances) {}

    /** A hazard found during the inspection, with its rectification deadline. */
    record FoundHazard(
            @NotNull @Pattern(regexp = "GENERAL|MAJOR", message = "{safereg.input.hazard-grade}") String grade,
            @NotBlank @Size(max = 255) String description,
            @NotNull LocalDate deadline) {}
}

package org.safereg.hazards;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The day a rectification passed its acceptance check (验收). */
record Verification(@NotNull LocalDate verifiedOn) {}

package org.safereg.hazards;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The day a hazard was rectified (整改). */
record Rectification(@NotNull LocalDate rectifiedOn) {}

package org.safereg.hazards;

import jakarta.validation.constraints.NotNull;

/** What department verification (部门核查) found of a platform-screening flag. */
record ScreeningResolution(@NotNull Outcome resolution) {

    enum Outcome {
        /** A major hazard (重大事故隐患) indeed: the hazard is regraded MAJOR. */
        CONFIRMED,
        /** Not a major hazard: it stays GENERAL. */
        DISMISSED
    }
}

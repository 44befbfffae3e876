package org.safereg.rulesets;

import java.time.Instant;

/** One line of the version history. */
record VersionSummary(
        String version,
        String parentVersion,
        String author,
        String comment,
        Instant createdAt,
        RuleSetState state,
        boolean active,
        int problems,
        int warnings) {}

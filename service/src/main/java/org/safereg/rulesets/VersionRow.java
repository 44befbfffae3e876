package org.safereg.rulesets;

import java.time.Instant;

/** A stored version as the rule_sets table holds it; {@code findings} is JSON ({@link Findings}). */
record VersionRow(
        String version,
        String parentVersion,
        String author,
        String comment,
        Instant createdAt,
        String state,
        String findings,
        String approvedBy,
        Instant approvedAt) {}

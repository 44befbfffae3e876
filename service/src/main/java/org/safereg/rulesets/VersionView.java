package org.safereg.rulesets;

import java.time.Instant;
import java.util.List;

/** A version as policy staff see it: who made it from what, where it stands, its files and findings. */
record VersionView(
        String version,
        String parentVersion,
        String author,
        String comment,
        Instant createdAt,
        RuleSetState state,
        boolean active,
        String approvedBy,
        Instant approvedAt,
        List<FileView> files,
        List<ProblemView> problems,
        List<ProblemView> warnings,
        Examples.Summary examples) {

    record FileView(String path, String sha256, int rules, long size) {}
}

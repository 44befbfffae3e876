package org.safereg.rulesets;

import java.util.List;

/**
 * What the checks of a version found: problems that keep it from becoming active, and warnings a policy
 * officer should look at (stored as JSON with the version).
 */
record Findings(List<ProblemView> problems, List<ProblemView> warnings) {

    static Findings none() {
        return new Findings(List.of(), List.of());
    }
}

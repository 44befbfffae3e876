package org.safereg.rulesets;

import java.util.List;

/**
 * What the checks of a version found: problems that keep it from becoming active, warnings a policy
 * officer should look at, and how it decided its example cases (stored as JSON with the version).
 */
record Findings(List<ProblemView> problems, List<ProblemView> warnings, List<ExampleCase> examples) {

    /** Nothing found; the examples not run (null), as for a version stored before they existed. */
    static Findings none() {
        return new Findings(List.of(), List.of(), null);
    }
}

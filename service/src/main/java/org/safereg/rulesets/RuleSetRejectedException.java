package org.safereg.rulesets;

import java.util.List;
import org.safereg.system.Text;

/** A version that did not compile or failed its checks: stored as REJECTED with its problems. */
class RuleSetRejectedException extends RuntimeException {

    private final String version;
    private final transient List<ProblemView> problems;
    private final transient Text text;

    RuleSetRejectedException(String version, List<ProblemView> problems) {
        this(
                version,
                problems,
                Text.of(
                        "rule-sets.rejected",
                        "Rule set {0} was rejected with {1} problem{2}; it is stored as REJECTED and can never become"
                                + " active.",
                        version.substring(0, 12),
                        problems.size(),
                        problems.size() == 1 ? "" : "s"));
    }

    private RuleSetRejectedException(String version, List<ProblemView> problems, Text text) {
        super(text.english());
        this.version = version;
        this.problems = List.copyOf(problems);
        this.text = text;
    }

    Text text() {
        return text;
    }

    String version() {
        return version;
    }

    List<ProblemView> problems() {
        return problems;
    }
}

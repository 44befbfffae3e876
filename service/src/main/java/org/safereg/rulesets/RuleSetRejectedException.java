package org.safereg.rulesets;

import java.util.List;

/** A version that did not compile or failed its checks: stored as REJECTED with its problems. */
class RuleSetRejectedException extends RuntimeException {

    private final String version;
    private final transient List<ProblemView> problems;

    RuleSetRejectedException(String version, List<ProblemView> problems) {
        super("Rule set " + version.substring(0, 12) + " was rejected with " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "; it is stored as REJECTED and can never become active.");
        this.version = version;
        this.problems = List.copyOf(problems);
    }

    String version() {
        return version;
    }

    List<ProblemView> problems() {
        return problems;
    }
}

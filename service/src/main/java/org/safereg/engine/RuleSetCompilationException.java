package org.safereg.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot become active, with every problem found, each located in its file. */
public class RuleSetCompilationException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleSetCompilationException(List<RuleProblem> problems) {
        super("The rule set does not compile:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

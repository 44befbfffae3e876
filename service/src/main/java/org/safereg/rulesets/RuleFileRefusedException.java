package org.safereg.rulesets;

import java.util.List;

/**
 * An uploaded file that is not a rule file SafeReg can take (wrong extension, macro-enabled, too large, not
 * a spreadsheet): the upload is refused whole and nothing is stored.
 */
class RuleFileRefusedException extends RuntimeException {

    private final transient List<ProblemView> problems;
    private final boolean tooLarge;

    RuleFileRefusedException(List<ProblemView> problems, boolean tooLarge) {
        super("The upload was refused: "
                + problems.stream().map(p -> p.location() + ": " + p.message()).toList());
        this.problems = List.copyOf(problems);
        this.tooLarge = tooLarge;
    }

    List<ProblemView> problems() {
        return problems;
    }

    boolean tooLarge() {
        return tooLarge;
    }
}

package org.safereg.engine;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up stopped by a broken rule set in the terms of the files and cells at fault. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetCompilationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RuleSetCompilationException cause) {
        String description = "The rule set does not compile, so SafeReg did not start:\n"
                + cause.problems().stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
        String action = "Correct the cells or lines named above in the workbook or DRL file and start again. The rule"
                + " set is read from safereg.rules.location (or the copy packaged in the jar when it is unset).";
        return new FailureAnalysis(description, action, cause);
    }
}

package org.safereg.rulesets;

import java.util.ArrayList;
import java.util.List;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetCompilationException;
import org.safereg.engine.RuleSetSnapshot;

/**
 * Everything a candidate version is checked for before it is stored: it compiles, its tables pass their
 * checks, and it decides its example cases as expected. Every problem is collected, not just the first, so
 * that an author fixes them in one round.
 */
class VersionChecks {

    private final RuleSetCompiles compiles;
    private final TableChecks checks;
    private final Examples examples;

    VersionChecks(RuleSetCompiles compiles, TableChecks checks, Examples examples) {
        this.compiles = compiles;
        this.checks = checks;
        this.examples = examples;
    }

    /**
     * What the checks found; {@code compiled} is the snapshot when there is no problem, null otherwise.
     */
    record Checked(Findings findings, RuleSetSnapshot compiled) {

        RuleSetState state() {
            return findings.problems().isEmpty() ? RuleSetState.CANDIDATE : RuleSetState.REJECTED;
        }
    }

    Checked check(List<RuleFile> files) {
        RuleSetSnapshot snapshot = null;
        List<ProblemView> problems = new ArrayList<>();
        List<ProblemView> warnings = new ArrayList<>();
        try {
            snapshot = compiles.compile(files);
        } catch (RuleSetCompilationException e) {
            e.problems().forEach(p -> problems.add(ProblemView.of(p)));
        }
        // table checks speak of every workbook of the version, compiled or not
        checks.check(files, problems, warnings);
        List<ExampleCase> cases = null;
        if (snapshot != null) {
            snapshot.warnings().forEach(w -> warnings.add(ProblemView.inFile("(rule set)", w, "编译警告：" + w)));
            checks.check(snapshot, warnings);
            // failing examples keep the version a CANDIDATE that cannot be activated, so that its author
            // sees every case's result; example rows that cannot be read are problems like any other cell
            Examples.Run run = examples.run(files, snapshot);
            problems.addAll(run.problems());
            cases = run.cases();
        }
        return new Checked(new Findings(problems, warnings, cases), problems.isEmpty() ? snapshot : null);
    }
}

package org.safereg.rulesets;

import java.util.List;
import org.safereg.engine.CandidateCheck;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.TableFinding;

/**
 * The checks beyond the compiler, in the policy officer's words: the engine's table analysis (overlapping
 * rows, gaps in numeric bands, weights, values outside a column's domain) and the examples written in the
 * workbooks. Errors keep a version from becoming active; warnings are shown with it.
 */
class TableChecks {

    private final RuleEngine engine;
    private final List<CandidateCheck> candidateChecks;

    TableChecks(RuleEngine engine, List<CandidateCheck> candidateChecks) {
        this.engine = engine;
        this.candidateChecks = candidateChecks;
    }

    /** What the features find in a compiled candidate against the data they hold: warnings. */
    void check(RuleSetSnapshot candidate, List<ProblemView> warnings) {
        // what the decision-table analysis of the DMN models found short of an error (gaps, subsumed rules, ...)
        for (TableFinding finding : candidate.modelFindings()) {
            warnings.add(view(finding));
        }
        for (CandidateCheck check : candidateChecks) {
            for (CandidateCheck.Finding finding : check.check(candidate)) {
                warnings.add(ProblemView.inFile(finding.file(), finding.message(), finding.messageZh()));
            }
        }
    }

    void check(List<RuleFile> files, List<ProblemView> problems, List<ProblemView> warnings) {
        for (TableFinding finding : engine.analyse(files)) {
            (finding.error() ? problems : warnings).add(view(finding));
        }
    }

    private static ProblemView view(TableFinding finding) {
        return new ProblemView(
                finding.problem().file(),
                finding.problem().sheet(),
                finding.problem().row(),
                finding.problem().column(),
                finding.problem().line(),
                finding.problem().cellText(),
                finding.problem().location(),
                finding.problem().message(),
                finding.messageZh());
    }
}

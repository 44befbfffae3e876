package org.safereg.engine;

import java.util.List;

/**
 * A check a feature makes of a candidate rule set against the data it holds, e.g. the registered monitoring
 * points that the candidate's thresholds would leave uncovered. A feature provides one as a bean; what it
 * finds is shown with the version as a warning, in English and Chinese.
 */
public interface CandidateCheck {

    List<Finding> check(RuleSetSnapshot candidate);

    /** One finding, about a file of the rule set. */
    record Finding(String file, String message, String messageZh) {}
}

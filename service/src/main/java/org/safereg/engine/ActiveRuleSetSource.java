package org.safereg.engine;

import java.util.List;
import java.util.Optional;

/**
 * Where a starting instance finds the version in force on the others: the rule-set store supplies it, so
 * that an instance started after an activation decides with the activated version, not the packaged one.
 */
public interface ActiveRuleSetSource {

    /** The files of the version activated last, or empty when none has been activated yet. */
    Optional<List<RuleFile>> activeFiles();
}

package org.safereg.engine;

import java.util.List;

/**
 * Turns the ordinals a decision stored into the rules they name, for any version ever recorded: how every
 * feature explains a stored decision without knowing where versions are kept.
 */
public interface RuleCatalog {

    /** The rules behind {@code ordinals} in {@code version}; an ordinal the version lacks is skipped. */
    List<RuleRow> describe(String version, List<Integer> ordinals);
}

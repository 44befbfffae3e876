package org.safereg.engine;

/**
 * A rule that fired during an evaluation, with its origin in the rule set and its ordinal: its position in
 * {@link RuleSetSnapshot#rules()}, a compact name for it within one rule-set version.
 */
public record FiredRule(String name, RuleOrigin origin, int ordinal) {}

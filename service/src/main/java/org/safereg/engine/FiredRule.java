package org.safereg.engine;

/** A rule that fired during an evaluation, with its origin in the rule set. */
public record FiredRule(String name, RuleOrigin origin) {}

package org.safereg.engine;

/** A rule of a rule-set version: its package, name and where it comes from. */
public record RuleRef(int ordinal, String packageName, String name, RuleOrigin origin) {}

package org.safereg.engine;

import java.util.List;

/** What one evaluation did: the rule-set version it ran on and the rules that fired, in order. */
public record Evaluation(String ruleSetVersion, List<FiredRule> firedRules) {}

package org.safereg.risk;

import java.time.Instant;
import java.util.List;
import org.safereg.engine.FiredRule;

/** The risk level of one enterprise as decided by one rule-set version, with the facts that raised it. */
record RiskAssessment(
        RiskFacts facts,
        RiskLevel level,
        List<RiskReason> reasons,
        List<FiredRule> firedRules,
        String ruleSetVersion,
        Instant evaluatedAt) {}

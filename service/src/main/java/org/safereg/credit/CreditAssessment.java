package org.safereg.credit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.safereg.engine.FiredRule;

/**
 * The credit of one enterprise as decided by one rule-set version: the explanation shown to the
 * enterprise and the audit shown to policy staff.
 *
 * @param score weighted score 0–100
 * @param tier the tier in force: the score's tier unless a veto set a lower one
 * @param scoreTier the tier the score alone earns
 */
public record CreditAssessment(
        long enterpriseId,
        String creditCode,
        double score,
        String tier,
        String scoreTier,
        List<IndicatorPoints> indicators,
        List<Veto> vetoes,
        List<FiredRule> firedRules,
        String ruleSetVersion,
        Instant evaluatedAt) {

    /** A veto (一票否决) that set the tier whatever the score, with the rule that decided it. */
    @Schema(name = "CreditAssessmentVeto")
    public record Veto(String tier, String reason, String rule) {}
}

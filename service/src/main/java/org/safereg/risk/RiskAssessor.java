package org.safereg.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safereg.engine.Evaluation;
import org.safereg.engine.RuleSetSnapshot;

/** Decides one enterprise's risk level on a given rule-set snapshot. Stateless and thread-safe. */
final class RiskAssessor {

    private RiskAssessor() {}

    static RiskAssessment assess(RuleSetSnapshot rules, RiskFacts facts, Instant now) {
        RiskRating rating = new RiskRating();
        List<Object> session = new ArrayList<>(8);
        session.add(new InherentRisk(rating, facts.sector(), facts.majorHazardLevel()));
        session.add(new CreditStanding(rating, facts.creditTier()));
        for (int level = 0; level <= 3; level++) {
            if (facts.openAlarms(level) > 0) {
                session.add(new OpenAlarms(rating, level, facts.openAlarms(level)));
            }
        }
        if (facts.overdueMajorHazards() > 0) {
            session.add(new OverdueHazards(rating, "MAJOR", facts.overdueMajorHazards()));
        }
        if (facts.overdueGeneralHazards() > 0) {
            session.add(new OverdueHazards(rating, "GENERAL", facts.overdueGeneralHazards()));
        }
        Evaluation evaluation = rules.evaluate(session);

        if (!rating.problems().isEmpty()) {
            throw new RiskModelException(String.join("; ", rating.problems()));
        }
        if (!rating.inherentRated()) {
            throw new RiskModelException("no inherent-risk row of risk-level.xlsx matches sector " + facts.sector()
                    + " with major hazard source "
                    + (facts.majorHazardLevel() == null ? "none" : "level " + facts.majorHazardLevel()));
        }
        return new RiskAssessment(
                facts, rating.level(), rating.reasons(), evaluation.firedRules(), evaluation.ruleSetVersion(), now);
    }
}

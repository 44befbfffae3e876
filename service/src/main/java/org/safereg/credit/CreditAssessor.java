package org.safereg.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.safereg.engine.Evaluation;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleSetSnapshot;

/** Decides one enterprise's credit on a given rule-set snapshot. Stateless and thread-safe. */
final class CreditAssessor {

    static final String RECTIFICATION = "MAJOR_HAZARD_RECTIFICATION";
    static final String VIOLATIONS = "VIOLATIONS";
    static final String TRAINING = "TRAINING_COVERAGE";
    static final String DRILLS = "DRILL_COMPLETION";
    private static final Comparator<String> WORST_TIER_LAST = Comparator.naturalOrder();

    private CreditAssessor() {}

    static CreditAssessment assess(RuleSetSnapshot rules, CreditFacts facts, List<Accident> accidents, Instant now) {
        return assessExplained(rules, facts, accidents, now).assessment();
    }

    /** An assessment with the band row that awarded each indicator its points. */
    record Explained(CreditAssessment assessment, Map<String, FiredRule> awardedBy) {}

    static Explained assessExplained(RuleSetSnapshot rules, CreditFacts facts, List<Accident> accidents, Instant now) {
        CreditScorecard card = new CreditScorecard(facts.enterpriseId());
        List<Object> session = new ArrayList<>(8 + accidents.size());
        session.add(card);
        session.add(facts);
        session.add(new Measure(card, RECTIFICATION, facts.majorHazardRectificationRate()));
        session.add(new Measure(card, VIOLATIONS, facts.violations()));
        session.add(new Measure(card, TRAINING, facts.trainingCoverage()));
        session.add(new Measure(card, DRILLS, facts.drillCompletionRate()));
        session.addAll(accidents);
        Evaluation evaluation = rules.evaluate(session);

        if (card.score() == null) {
            throw new CreditModelException("no rule computed the weighted score (rules/credit-score.drl missing?)");
        }
        if (card.scoreTier() == null) {
            throw new CreditModelException("no tier cut-off row matches the score " + card.score());
        }
        if (!card.problems().isEmpty()) {
            throw new CreditModelException(String.join("; ", card.problems()));
        }
        for (String indicator : List.of(RECTIFICATION, VIOLATIONS, TRAINING, DRILLS)) {
            boolean scored = card.indicators().stream()
                    .anyMatch(p -> p.indicator().equals(indicator) && p.points() != null && p.weightPercent() != null);
            if (!scored) {
                throw new CreditModelException(
                        "indicator " + indicator + " was not scored: no weight row or no band" + " matches its value");
            }
        }
        List<CreditAssessment.Veto> vetoes = card.vetoes().stream()
                .map(v -> new CreditAssessment.Veto(v.tier(), v.reason(), v.rule()))
                .toList();
        String tier = vetoes.stream()
                .map(CreditAssessment.Veto::tier)
                .reduce(card.scoreTier(), (a, b) -> WORST_TIER_LAST.compare(a, b) >= 0 ? a : b);
        return new Explained(
                new CreditAssessment(
                        facts.enterpriseId(),
                        facts.creditCode(),
                        card.score(),
                        tier,
                        card.scoreTier(),
                        card.indicators(),
                        vetoes,
                        evaluation.firedRules(),
                        evaluation.ruleSetVersion(),
                        now),
                card.awardedBy());
    }
}

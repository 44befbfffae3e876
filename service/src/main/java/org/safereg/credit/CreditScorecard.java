package org.safereg.credit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleInProgress;

/**
 * The output fact of one enterprise's credit evaluation: the rules award points and weights per
 * indicator, assign a tier to the weighted score and record vetoes. Not thread-safe: one per
 * evaluation.
 */
public final class CreditScorecard {

    private final long enterpriseId;
    private final Map<String, IndicatorPoints> indicators = new LinkedHashMap<>();
    private final List<Veto> vetoes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    /** The band row that awarded each indicator its points: what an explanation names. */
    private final Map<String, FiredRule> awardedBy = new LinkedHashMap<>();

    private String scoreTier;
    private Double score;

    CreditScorecard(long enterpriseId) {
        this.enterpriseId = enterpriseId;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    void award(String indicator, double value, double points) {
        IndicatorPoints current = indicators.get(indicator);
        if (current != null && current.points() != null) {
            problems.add("indicator " + indicator + " with value " + value + " matches more than one scoring band");
        }
        indicators.put(
                indicator,
                new IndicatorPoints(indicator, value, points, current == null ? null : current.weightPercent()));
        RuleInProgress.current().ifPresent(rule -> awardedBy.put(indicator, rule));
    }

    void weigh(String indicator, double weightPercent) {
        IndicatorPoints current = indicators.get(indicator);
        if (current != null && current.weightPercent() != null) {
            problems.add("indicator " + indicator + " has more than one weight");
        }
        indicators.put(
                indicator,
                current == null
                        ? new IndicatorPoints(indicator, null, null, weightPercent)
                        : new IndicatorPoints(indicator, current.value(), current.points(), weightPercent));
    }

    /**
     * Called once all indicator rows have fired. The total is the weighted sum of points; weights are
     * percentages, so a complete model yields 0–100.
     */
    public CreditScore weightedScore() {
        double total = 0;
        for (IndicatorPoints points : indicators.values()) {
            if (points.points() == null) {
                problems.add("indicator " + points.indicator() + " has a weight but no scoring band matched it");
            } else if (points.weightPercent() == null) {
                problems.add("indicator " + points.indicator() + " scored but has no weight");
            } else {
                total += points.points() * points.weightPercent() / 100.0;
            }
        }
        score = Math.round(total * 100.0) / 100.0;
        return new CreditScore(this, score);
    }

    void assignTier(String tier) {
        if (scoreTier != null) {
            problems.add("score " + score + " matches more than one tier cut-off");
        }
        scoreTier = tier;
    }

    /** Called by a veto rule: the tier is set to {@code tier} whatever the score. */
    public void veto(String tier, String reason) {
        vetoes.add(new Veto(
                tier, reason, RuleInProgress.current().map(FiredRule::name).orElse(null)));
    }

    Double score() {
        return score;
    }

    String scoreTier() {
        return scoreTier;
    }

    List<IndicatorPoints> indicators() {
        return List.copyOf(indicators.values());
    }

    List<Veto> vetoes() {
        return Collections.unmodifiableList(vetoes);
    }

    Map<String, FiredRule> awardedBy() {
        return Collections.unmodifiableMap(awardedBy);
    }

    List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    record Veto(String tier, String reason, String rule) {}
}

package org.safereg.inspection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.Evaluation;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.Text;

/**
 * inspection-frequency.xlsx applied to the classes of enterprises a plan meets. Enterprises of one class
 * (sector, tier, grade, risk) are treated alike, so a province of 100,000 enterprises needs a few hundred
 * evaluations, all in one session: each class is its own output fact.
 *
 * @param frequencies what the table decided for each class
 * @param supervisoryChecksMax checks a year of an enterprise in the random pool, at most
 * @param randomShareMin the least share of random inspections in a plan
 */
record InspectionPolicy(
        String ruleSetVersion,
        Map<EnterpriseClass, Frequency> frequencies,
        int supervisoryChecksMax,
        double randomShareMin,
        List<FiredRule> parameterRules,
        int firedRules) {

    InspectionPolicy(
            String ruleSetVersion,
            Map<EnterpriseClass, Frequency> frequencies,
            int supervisoryChecksMax,
            double randomShareMin,
            List<FiredRule> parameterRules) {
        this(ruleSetVersion, frequencies, supervisoryChecksMax, randomShareMin, parameterRules, 0);
    }

    static InspectionPolicy evaluate(RuleSetSnapshot rules, Collection<EnterpriseClass> classes) {
        Map<EnterpriseClass, InspectionFrequency> facts = new LinkedHashMap<>();
        for (EnterpriseClass each : classes) {
            facts.put(each, new InspectionFrequency(each));
        }
        PlanParameter supervisory = new PlanParameter(PlanParameter.SUPERVISORY_CHECKS_MAX);
        PlanParameter share = new PlanParameter(PlanParameter.RANDOM_SHARE_MIN);
        List<Object> all = new ArrayList<>(facts.values());
        all.add(supervisory);
        all.add(share);
        Evaluation evaluation = rules.evaluate(all);
        Map<EnterpriseClass, Frequency> decided = new LinkedHashMap<>();
        facts.forEach((key, fact) -> decided.put(key, fact.decide()));
        if (supervisory.value() == null || share.value() == null) {
            throw new PolicyGapException(Text.of(
                    "inspection.lacks-parameter",
                    "inspection-frequency.xlsx, sheet 'Plan parameters', lacks {0}",
                    supervisory.value() == null
                            ? PlanParameter.SUPERVISORY_CHECKS_MAX
                            : PlanParameter.RANDOM_SHARE_MIN));
        }
        List<FiredRule> parameterRules = new ArrayList<>();
        parameterRules.add(supervisory.rule());
        parameterRules.add(share.rule());
        return new InspectionPolicy(
                evaluation.ruleSetVersion(),
                decided,
                (int) Math.round(supervisory.value()),
                share.value(),
                parameterRules,
                evaluation.firedRules().size());
    }

    Frequency of(EnterpriseClass enterpriseClass) {
        return frequencies.get(enterpriseClass);
    }
}

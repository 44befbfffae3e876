package org.safereg.inspection;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.RuleSetSnapshot;
import org.springframework.stereotype.Component;

/**
 * The inspection side of an impact simulation: how many inspections a year inspection-frequency.xlsx plans
 * for an enterprise of each profile, so that the workload before and after a rule change can be compared.
 * Key supervision counts its minimum a year; the random pool (双随机) counts its sampling share.
 */
@Component
public class InspectionWorkload {

    /** What the frequency table reads of an enterprise; {@code UNRATED}, {@code UNGRADED} and
     * {@code NOT_ASSESSED} as a plan says them when a tier, grade or risk level is missing. */
    public record Profile(String sector, String creditTier, String grade, String riskLevel) {}

    /** Expected inspections a year for each profile on {@code rules}; absent where the table has a gap. */
    public Map<Profile, Double> perYear(RuleSetSnapshot rules, Collection<Profile> profiles) {
        Map<Profile, Double> visits = new HashMap<>();
        for (Profile profile : profiles) {
            EnterpriseClass of =
                    new EnterpriseClass(profile.sector(), profile.creditTier(), profile.grade(), profile.riskLevel());
            try {
                Frequency frequency =
                        InspectionPolicy.evaluate(rules, List.of(of)).of(of);
                visits.put(profile, frequency.keySupervision() ? frequency.minPerYear() : frequency.samplingRatio());
            } catch (PolicyGapException e) {
                // the version cannot plan this profile: counted as a gap, not as zero inspections
            }
        }
        return visits;
    }
}

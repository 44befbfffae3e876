package org.safereg.inspection;

import java.time.LocalDate;

/**
 * An enterprise as a plan reads it: its class for the frequency table, and what the accepted plans before
 * say about it.
 *
 * @param creditTier A-D, or UNRATED without a credit result
 * @param grade standardisation grade "1" to "3", or UNGRADED
 * @param riskLevel RED, ORANGE, YELLOW, BLUE, or NOT_ASSESSED without a risk result
 * @param previousInspector who was assigned its latest inspection in an accepted plan, or null
 * @param lastInspection the first due day of that inspection, or null
 * @param inspectionsThisYear inspections of it in accepted plans due in the plan's calendar year
 */
record PlanEnterprise(
        long id,
        String creditCode,
        String name,
        String regionCode,
        String sector,
        String creditTier,
        String grade,
        String riskLevel,
        String previousInspector,
        LocalDate lastInspection,
        int inspectionsThisYear) {

    static final String UNRATED = "UNRATED";
    static final String UNGRADED = "UNGRADED";
    static final String NOT_ASSESSED = "NOT_ASSESSED";

    EnterpriseClass enterpriseClass() {
        return new EnterpriseClass(sector, creditTier, grade, riskLevel);
    }
}

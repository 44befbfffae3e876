package org.safereg.risk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the risk table knows about one enterprise, as read from MySQL: its inherent risk, its credit tier,
 * its open alarms by level and its overdue hazards. Stored and served as the result's {@code inputs}.
 *
 * @param majorHazardLevel its highest major hazard source (重大危险源) level, 1 (highest) to 4, or null
 * @param creditTier the credit tier in force, or null before its first credit evaluation
 * @param openEarlyWarnings open (raised or acknowledged, not cleared) early warnings (预警, level 0)
 * @param overdueMajorHazards major hazards past their rectification deadline and not rectified
 */
@JsonIgnoreProperties({"enterpriseId", "creditCode"})
public record RiskFacts(
        long enterpriseId,
        String creditCode,
        String sector,
        Integer majorHazardLevel,
        String creditTier,
        int openEarlyWarnings,
        int openLevel1Alarms,
        int openLevel2Alarms,
        int openCutOffAlarms,
        int overdueMajorHazards,
        int overdueGeneralHazards) {

    /** The same facts with another credit tier, as a candidate rule set would decide it. */
    RiskFacts withCreditTier(String tier) {
        return new RiskFacts(
                enterpriseId,
                creditCode,
                sector,
                majorHazardLevel,
                tier,
                openEarlyWarnings,
                openLevel1Alarms,
                openLevel2Alarms,
                openCutOffAlarms,
                overdueMajorHazards,
                overdueGeneralHazards);
    }

    /** The open alarms of one level: 0 early warning, 1, 2, 3 cut-off. */
    int openAlarms(int level) {
        return switch (level) {
            case 0 -> openEarlyWarnings;
            case 1 -> openLevel1Alarms;
            case 2 -> openLevel2Alarms;
            case 3 -> openCutOffAlarms;
            default -> 0;
        };
    }
}

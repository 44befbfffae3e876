package org.safereg.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One enterprise's aggregated facts as read from the database, with its current credit if any. */
record CreditFactsRow(
        long enterpriseId,
        String creditCode,
        String sector,
        String licenceStatus,
        int majorHazardsDue,
        int majorHazardsRectifiedOnTime,
        int violations,
        int art114MultipleFines,
        int employeesRequiringTraining,
        int employeesTrained,
        int drillsPlanned,
        int drillsCompleted,
        String previousTier,
        BigDecimal previousScore,
        String previousVersion,
        String previousVetoes,
        Long previousHash) {

    CreditFacts toFacts(LocalDate asOf) {
        return new CreditFacts(
                enterpriseId,
                creditCode,
                sector,
                licenceStatus,
                asOf,
                majorHazardsDue,
                majorHazardsRectifiedOnTime,
                violations,
                art114MultipleFines,
                employeesRequiringTraining,
                employeesTrained,
                drillsPlanned,
                drillsCompleted);
    }
}

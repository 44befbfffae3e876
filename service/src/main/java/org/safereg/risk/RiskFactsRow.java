package org.safereg.risk;

/** One enterprise's risk facts as one page query reads them, with its current result if it has one. */
record RiskFactsRow(
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
        int overdueGeneralHazards,
        String previousLevel,
        String previousVersion,
        Long previousHash) {

    RiskFacts facts() {
        return new RiskFacts(
                enterpriseId,
                creditCode,
                sector,
                majorHazardLevel,
                creditTier,
                openEarlyWarnings,
                openLevel1Alarms,
                openLevel2Alarms,
                openCutOffAlarms,
                overdueMajorHazards,
                overdueGeneralHazards);
    }
}

package org.safereg.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The facts other departments hold, one record each, as they are exchanged: keyed by the enterprise's unified
 * social credit code and each fact's natural key, never by SafeReg's ids. Two entries are equal when they say
 * the same thing, which is how a re-import finds a fact unchanged.
 */
public final class DepartmentEntries {

    private DepartmentEntries() {}

    /** The register (企业登记): keyed by the credit code. */
    public record EnterpriseEntry(
            String creditCode,
            String name,
            String regionCode,
            String sector,
            String scale,
            int employees,
            Integer majorHazardLevel,
            Integer standardisationGrade,
            String licenceStatus) {}

    /** A licence (许可证): keyed by its number. */
    public record LicenceEntry(
            String creditCode,
            String licenceNo,
            String kind,
            String issuedBy,
            LocalDate issuedOn,
            LocalDate validUntil,
            String status) {}

    /** An accident (生产安全事故): keyed by the enterprise, the day and the grade. */
    public record AccidentEntry(
            String creditCode, LocalDate occurredOn, String grade, int deaths, boolean concealed, String description) {}

    /** An administrative penalty (行政处罚): keyed by the number of its decision (决定书文号). */
    public record PenaltyEntry(
            String creditCode,
            String decisionNo,
            LocalDate decidedOn,
            String description,
            String lawArticle,
            BigDecimal penaltyAmount,
            BigDecimal fineMultiple) {

        public PenaltyEntry {
            // as the columns keep them (DECIMAL(14,2), DECIMAL(4,1)), so that a stored entry equals a read one
            penaltyAmount = penaltyAmount == null ? null : penaltyAmount.setScale(2, RoundingMode.HALF_UP);
            fineMultiple = fineMultiple == null ? null : fineMultiple.setScale(1, RoundingMode.HALF_UP);
        }
    }

    /** A year's safety training (安全培训): keyed by the enterprise and the year. */
    public record TrainingEntry(String creditCode, int trainingYear, int employeesRequired, int employeesTrained) {}

    /** An emergency drill (应急演练): keyed by the enterprise, the kind and the day planned. */
    public record DrillEntry(String creditCode, String kind, LocalDate plannedOn, LocalDate completedOn) {}
}

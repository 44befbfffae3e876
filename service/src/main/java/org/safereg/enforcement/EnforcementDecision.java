package org.safereg.enforcement;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.safereg.engine.Provenance;

/**
 * What the model decided for one violation: the measures the law allows, the discretion band and its part of the
 * fine ranges, the legal basis article by article and the reasons (Chinese sentences, as the model writes them),
 * and the provenance. Amounts in whole yuan; the persons' ranges are null where the law sets none.
 */
public record EnforcementDecision(
        Circumstances circumstances,
        String band,
        boolean orderToCorrect,
        Integer correctionDays,
        Range unitFine,
        Range personFine,
        Range bandUnitFine,
        Range bandPersonFine,
        boolean suspension,
        boolean dailyFine,
        List<String> legalBasis,
        List<String> reasons,
        Provenance provenance) {

    public EnforcementDecision {
        legalBasis = List.copyOf(legalBasis);
        reasons = List.copyOf(reasons);
    }

    /** From {@code min} to {@code max} yuan, both included. */
    @Schema(name = "EnforcementDecisionRange")
    public record Range(BigDecimal min, BigDecimal max) {

        static Range of(BigDecimal min, BigDecimal max) {
            return min == null || max == null ? null : new Range(min, max);
        }
    }
}

package org.safereg.enforcement;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.safereg.engine.ProvenanceView;

/**
 * An enforcement decision as the API shows it: the violation and its circumstances, the measures the law allows,
 * the discretion band with its part of the fine ranges, the legal basis and the reasons as the model writes them
 * (Chinese sentences), a summary in the caller's language, and the provenance (model, decision table, rule).
 * {@code id}, {@code taskId} and {@code inspectedOn} are null for a decision asked for and not kept (what-if).
 */
@Schema(name = "EnforcementDecision")
record EnforcementDecisionView(
        Long id,
        Long taskId,
        String enterprise,
        LocalDate inspectedOn,
        Circumstances circumstances,
        Measures measures,
        Band band,
        List<String> legalBasis,
        List<String> reasons,
        String summary,
        ProvenanceView provenance) {

    /** This view with its summary said in {@code locale}. */
    EnforcementDecisionView summarised(java.util.Locale locale, org.springframework.context.MessageSource messages) {
        String said = EnforcementQueries.summary(this).in(locale, messages);
        return new EnforcementDecisionView(
                id,
                taskId,
                enterprise,
                inspectedOn,
                circumstances,
                measures,
                band,
                legalBasis,
                reasons,
                said,
                provenance);
    }

    /** What the law allows: order to correct, fines, suspension, daily fines. */
    @Schema(name = "EnforcementDecisionMeasures")
    record Measures(
            boolean orderToCorrect,
            @Schema(description = "days to correct; 0 when corrected on the spot, null when the article orders none")
                    Integer correctionDays,
            Yuan unitFine,
            @Schema(description = "fine for the directly responsible persons, null where the article sets none")
                    Yuan personFine,
            @Schema(description = "责令停产停业整顿") boolean suspension,
            @Schema(description = "eligible for daily continuous fines at the original amount (Art. 112)")
                    boolean dailyFine) {}

    /** The discretion band (裁量档次) and its part of the legal ranges. */
    @Schema(name = "EnforcementDecisionBand")
    record Band(
            @Schema(allowableValues = {"LENIENT", "ORDINARY", "SEVERE"}) String name, Yuan unitFine, Yuan personFine) {}

    /** From {@code min} to {@code max} yuan, both included. */
    @Schema(name = "EnforcementDecisionYuan")
    record Yuan(BigDecimal min, BigDecimal max) {

        static Yuan of(BigDecimal min, BigDecimal max) {
            return min == null || max == null ? null : new Yuan(min, max);
        }

        static Yuan of(EnforcementDecision.Range range) {
            return range == null ? null : new Yuan(range.min(), range.max());
        }
    }
}

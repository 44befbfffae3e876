package org.safereg.hazards;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safereg.engine.ProvenanceView;

/** A hazard as the API shows it; {@code overdue} as of the service's today. */
record HazardView(
        long id,
        String enterprise,
        String source,
        String grade,
        String description,
        LocalDate foundOn,
        LocalDate deadline,
        LocalDate rectifiedOn,
        LocalDate verifiedOn,
        String state,
        boolean overdue,
        String recordedBy,
        Instant recordedAt,
        String verifiedBy,
        Long foundByTask,
        @Schema(description = "the hazard types hazard-types.xlsx classified the description into when it was stored")
                List<Type> types,
        @Schema(description = "GENERAL or MAJOR: the grade the rows that matched suggest; absent until classified")
                String suggestedGrade,
        @Schema(
                        description =
                                "the rule-set version and the rows that classified the description (matching rows and"
                                        + " negation rows that struck a mention)")
                ProvenanceView classification,
        @Schema(description = "present when platform screening flagged this self-check for department verification")
                Screening screening) {

    static HazardView of(HazardRow row, LocalDate today) {
        return of(row, today, List.of(), null, null, null);
    }

    static HazardView of(
            HazardRow row,
            LocalDate today,
            List<Type> types,
            String suggestedGrade,
            ProvenanceView classification,
            Screening screening) {
        String state = row.verifiedOn() != null ? "VERIFIED" : row.rectifiedOn() != null ? "RECTIFIED" : "OPEN";
        boolean overdue = row.rectifiedOn() == null && row.deadline().isBefore(today);
        return new HazardView(
                row.id(),
                row.creditCode(),
                row.source(),
                row.grade(),
                row.description(),
                row.foundOn(),
                row.deadline(),
                row.rectifiedOn(),
                row.verifiedOn(),
                state,
                overdue,
                row.recordedBy(),
                row.recordedAt(),
                row.verifiedBy(),
                row.foundByTask(),
                types,
                suggestedGrade,
                classification,
                screening);
    }

    /** A hazard type of the description, the words that matched and the row that said so. */
    @Schema(name = "HazardViewType")
    record Type(
            @Schema(example = "GAS_DETECTION") String type,
            @Schema(example = "气体检测报警") String name,
            @Schema(description = "the grade the row suggests: GENERAL or MAJOR") String grade,
            @Schema(
                            description = "the item of a major-hazard determination standard the row encodes, e.g."
                                    + " HC-12 (hazardous chemicals item 12)",
                            example = "HC-12")
                    String criterion,
            @Schema(example = "未设置…报警") String words,
            ProvenanceView.Rule rule) {}

    /**
     * Platform screening (平台筛查): a self-check graded GENERAL whose description matches a major-hazard criterion,
     * waiting for (or resolved by) department verification (部门核查).
     */
    @Schema(name = "HazardViewScreening")
    record Screening(
            String criterion,
            String type,
            String words,
            ProvenanceView.Rule rule,
            Instant flaggedAt,
            @Schema(description = "CONFIRMED (regraded MAJOR) or DISMISSED; absent while waiting for verification")
                    String resolution,
            String resolvedBy,
            Instant resolvedAt) {}
}

package org.safereg.credit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.safereg.engine.ProvenanceView;

/** An enterprise's credit with its explanation, as served by the API. */
@JsonPropertyOrder({
    "creditCode",
    "tier",
    "score",
    "scoreTier",
    "indicators",
    "measures",
    "vetoes",
    "firedRules",
    "ruleSetVersion",
    "evaluatedAt",
    "servedFrom",
    "provenance"
})
record CreditView(
        @Schema(description = "unified social credit code of the enterprise", example = "91140105MA0K2B3C45")
                String creditCode,
        @Schema(description = "tier in force: A 守信, B 基本守信, C 失信, D 严重失信", example = "B") String tier,
        @Schema(description = "weighted score 0-100", example = "82.50") BigDecimal score,
        @Schema(description = "tier the score alone earns, before vetoes") String scoreTier,
        @Schema(description = "per indicator: raw value, points from its band, weight (%)")
                List<IndicatorPoints> indicators,
        @Schema(description = "the counts behind the indicators") CreditFacts measures,
        @Schema(description = "vetoes (一票否决) that set the tier whatever the score") List<CreditAssessment.Veto> vetoes,
        @Schema(description = "rules that fired, in firing order, each with its workbook, sheet and row or DRL file")
                List<ProvenanceView.Rule> firedRules,
        @Schema(description = "content hash of the rule set that decided") String ruleSetVersion,
        Instant evaluatedAt,
        @Schema(description = "read model (redis, in-process) or mysql", example = "redis") String servedFrom,
        @Schema(description = "the version and the rules that decided, as every decision shows them")
                ProvenanceView provenance) {

    static CreditView of(CreditRecord record, StoredJson stored, ProvenanceView provenance, String servedFrom) {
        return new CreditView(
                record.creditCode(),
                record.tier(),
                record.score(),
                record.scoreTier(),
                stored.indicators(record.indicators()),
                stored.measures(record.measures()),
                stored.vetoes(record.vetoes()),
                provenance.rules(),
                record.ruleSetVersion(),
                record.evaluatedAt(),
                servedFrom,
                provenance);
    }
}

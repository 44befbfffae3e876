package org.safereg.risk;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.safereg.engine.ProvenanceView;

/** An enterprise's risk level with its explanation, as served by the API. */
@JsonPropertyOrder({
    "creditCode",
    "level",
    "reasons",
    "inputs",
    "firedRules",
    "ruleSetVersion",
    "evaluatedAt",
    "servedFrom",
    "provenance"
})
record RiskView(
        @Schema(description = "unified social credit code of the enterprise") String creditCode,
        @Schema(description = "RED 重大风险, ORANGE 较大风险, YELLOW 一般风险, BLUE 低风险", example = "ORANGE") String level,
        @Schema(description = "each fact that raised the level, highest first, with the table row that used it")
                List<Reason> reasons,
        @Schema(description = "the facts the level was decided on") RiskFacts inputs,
        @Schema(description = "rules that fired, in firing order, with workbook, sheet and row")
                List<ProvenanceView.Rule> firedRules,
        @Schema(description = "content hash of the rule set that decided") String ruleSetVersion,
        Instant evaluatedAt,
        @Schema(description = "read model (redis, in-process) or mysql") String servedFrom,
        @Schema(description = "the version and the rules that decided, as every decision shows them")
                ProvenanceView provenance) {

    /**
     * @param decisive whether this reason gives the enterprise's level (others gave a lower one)
     */
    @Schema(name = "RiskViewReason")
    record Reason(String level, String fact, String detail, boolean decisive, ProvenanceView.Rule rule) {}
}

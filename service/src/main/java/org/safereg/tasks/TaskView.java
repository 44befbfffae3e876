package org.safereg.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safereg.engine.ProvenanceView;

/** An enforcement task as the API shows it, with the decision that caused it. */
record TaskView(
        long id,
        String enterprise,
        String enterpriseName,
        String region,
        String type,
        String reason,
        String trigger,
        Long hazardId,
        String legalBasis,
        boolean postedSupervision,
        int priority,
        LocalDate dueFrom,
        LocalDate dueBy,
        String state,
        Decision decision,
        Instant createdAt,
        String claimedBy,
        Instant claimedAt,
        String completedBy,
        Instant completedAt,
        @Schema(implementation = TaskResult.class, description = "what the inspection found, once completed")
                JsonNode result,
        ProvenanceView provenance) {

    @Schema(name = "TaskViewDecision")
    record Decision(
            String ruleSetVersion,
            @Schema(description = "ordinals of the rules that fired, in the version") List<Integer> firedRules,
            Rule rule) {}

    @Schema(name = "TaskViewRule")
    record Rule(String name, String file, String sheet, Integer row) {}
}

package org.safereg.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
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
        JsonNode result,
        ProvenanceView provenance) {

    record Decision(String ruleSetVersion, JsonNode firedRules, Rule rule) {}

    record Rule(String name, String file, String sheet, Integer row) {}
}

package org.safereg.hazards;

import java.time.Instant;

/** What the hazards mapper reads and writes of classifications, types and screening flags. */
final class ClassificationRows {

    private ClassificationRows() {}

    /** A stored hazard not classified yet (imported, or stored before the table existed). */
    record Unclassified(long id, long enterpriseId, String sector, String source, String grade, String description) {}

    record Classification(
            long hazardId, String suggestedGrade, String ruleSetVersion, String firedRules, Instant classifiedAt) {}

    record TypeMatch(
            long hazardId,
            String typeCode,
            String typeName,
            String grade,
            String criterion,
            String words,
            Integer ruleOrdinal) {}

    record Flag(
            long hazardId,
            long enterpriseId,
            String criterion,
            String typeCode,
            String words,
            String ruleSetVersion,
            String firedRules,
            Instant flaggedAt,
            String resolution,
            String resolvedBy,
            Instant resolvedAt) {}
}

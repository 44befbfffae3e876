package org.safereg.escalation;

import java.time.Instant;
import java.time.LocalDate;

/** What the escalation run reads from MySQL. */
final class Rows {

    private Rows() {}

    record OpenAlarm(
            long alarmId,
            long pointId,
            long enterpriseId,
            int level,
            Instant raisedAt,
            int acknowledgementRound,
            Instant awaitingSince,
            String enterpriseName,
            String regionCode) {}

    record Raise(long pointId, Instant raisedAt) {}

    record OverdueHazard(
            long hazardId,
            long enterpriseId,
            String grade,
            LocalDate deadline,
            String description,
            String enterpriseName,
            String regionCode) {}

    record ScreeningFlagRow(
            long hazardId,
            long enterpriseId,
            String criterion,
            String typeCode,
            String words,
            String description,
            Instant flaggedAt,
            String enterpriseName,
            String regionCode) {}

    record TierChangeRow(
            long historyId,
            long enterpriseId,
            String tier,
            String previousTier,
            String enterpriseName,
            String regionCode) {}

    record Region(String code, String parentCode) {}

    record Unpublished(
            long id,
            String stepKey,
            long enterpriseId,
            Long alarmId,
            Long hazardId,
            String recipient,
            String regionCode,
            String channel,
            String message,
            Instant createdAt) {}
}

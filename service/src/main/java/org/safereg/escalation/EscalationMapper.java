package org.safereg.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EscalationMapper {

    List<Rows.OpenAlarm> openAlarms();

    List<Rows.Raise> raisesSince(@Param("pointIds") Collection<Long> pointIds, @Param("since") Instant since);

    List<Rows.OverdueHazard> overdueHazards(@Param("today") LocalDate today);

    /** Platform-screening flags waiting for department verification, of hazards not rectified yet. */
    List<Rows.ScreeningFlagRow> openScreeningFlags();

    List<Rows.TierChangeRow> tierChangesSince(@Param("since") Instant since);

    List<Rows.Region> regions();

    List<String> existingSteps(@Param("keys") Collection<String> keys);

    void insertNotification(NewNotification notification);

    /** Unpublished notifications no other instance is publishing, locked until this transaction ends. */
    List<Rows.Unpublished> claimUnpublished(@Param("limit") int limit);

    void markPublished(@Param("ids") List<Long> ids, @Param("at") Instant at);

    List<NotificationRow> list(
            @Param("enterprise") String enterprise,
            @Param("alarmId") Long alarmId,
            @Param("hazardId") Long hazardId,
            @Param("afterId") long afterId,
            @Param("limit") int limit);

    /** Notifications published since then become unpublished again: the feed that held them was lost. */
    int unpublishSince(@Param("since") Instant since);
}

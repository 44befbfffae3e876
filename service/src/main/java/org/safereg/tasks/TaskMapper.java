package org.safereg.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface TaskMapper {

    void insertTask(TaskInsert task);

    void insertOutbox(
            @Param("taskId") long taskId,
            @Param("event") String event,
            @Param("payload") String payload,
            @Param("at") Instant at);

    List<String> existingKeys(@Param("keys") Collection<String> keys);

    TaskRow find(@Param("id") long id);

    List<TaskRow> list(
            @Param("state") String state,
            @Param("type") String type,
            @Param("enterprise") String enterprise,
            @Param("regionPrefix") String regionPrefix,
            @Param("afterId") long afterId,
            @Param("limit") int limit);

    int claim(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);

    int complete(@Param("id") long id, @Param("by") String by, @Param("at") Instant at, @Param("result") String result);

    /** Undelivered outbox entries no other relay holds, locked until this transaction ends. */
    List<OutboxRow> claimPending(@Param("limit") int limit);

    void markDelivered(@Param("rows") List<Delivered> rows, @Param("at") Instant at);

    int countPending();

    void insertViolation(
            @Param("enterpriseId") long enterpriseId,
            @Param("on") LocalDate on,
            @Param("description") String description,
            @Param("lawArticle") String lawArticle,
            @Param("penaltyAmount") BigDecimal penaltyAmount,
            @Param("fineMultiple") BigDecimal fineMultiple);

    void insertHazard(
            @Param("enterpriseId") long enterpriseId,
            @Param("grade") String grade,
            @Param("description") String description,
            @Param("on") LocalDate on,
            @Param("deadline") LocalDate deadline,
            @Param("by") String by,
            @Param("at") Instant at,
            @Param("taskId") long taskId);

    /** Marks the task's hazard rectified (if not yet) and verified; answers the rows changed. */
    int verifyHazard(@Param("hazardId") long hazardId, @Param("on") LocalDate on, @Param("by") String by);

    record Delivered(long id, String streamId) {}

    /** Every delivered entry becomes pending again: the stream that held them was lost. */
    int redeliverAll();
}

package org.safereg.tasks;

import java.time.Instant;
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

    /** How many outbox entries wait for the stream, and when the oldest of them was written. */
    OutboxLag outboxLag();

    record Delivered(long id, String streamId) {}

    /** Every delivered entry becomes pending again: the stream that held them was lost. */
    int redeliverAll();
}

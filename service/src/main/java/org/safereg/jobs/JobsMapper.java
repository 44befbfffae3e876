package org.safereg.jobs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface JobsMapper {

    void insert(NewJob job);

    void running(@Param("id") long id, @Param("at") Instant at);

    void progress(
            @Param("id") long id,
            @Param("done") long done,
            @Param("total") Long total,
            @Param("at") Instant at,
            @Param("result") String result);

    void finish(
            @Param("id") long id,
            @Param("state") JobState state,
            @Param("done") long done,
            @Param("total") Long total,
            @Param("startedAt") Instant startedAt,
            @Param("finishedAt") Instant finishedAt,
            @Param("result") String result,
            @Param("error") String error);

    void heartbeat(@Param("id") long id, @Param("at") Instant at);

    JobRow find(@Param("id") long id);

    List<JobRow> findAll(@Param("ids") Collection<Long> ids);

    /** Newest first, of a kind and in a state when given, before the job {@code before} when given. */
    List<JobRow> list(
            @Param("kind") JobKind kind,
            @Param("state") JobState state,
            @Param("before") Long before,
            @Param("limit") int limit);

    /** Queued or running jobs whose instance has not written a heartbeat since {@code silentSince}. */
    List<Long> silentSince(@Param("silentSince") Instant silentSince);

    /** Marks a job that is still queued or running FAILED; 0 when it finished meanwhile. */
    int abandon(@Param("id") long id, @Param("at") Instant at, @Param("error") String error);

    int forgetFinishedBefore(@Param("before") Instant before);
}

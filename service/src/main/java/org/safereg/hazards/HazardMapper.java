package org.safereg.hazards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface HazardMapper {

    Long enterpriseIdOf(@Param("creditCode") String creditCode);

    void insert(NewHazardRow row);

    HazardRow find(@Param("id") long id);

    /** Sets the rectification date only while none is set; answers the rows changed. */
    int rectify(@Param("id") long id, @Param("on") LocalDate on);

    /** Sets the verification only while the hazard is rectified and not yet verified; answers the rows changed. */
    int verify(@Param("id") long id, @Param("on") LocalDate on, @Param("by") String by);

    /** Enterprises with a hazard whose deadline was {@code deadline} and that is still not rectified. */
    List<Long> enterprisesOverdueSince(@Param("deadline") LocalDate deadline);

    List<HazardRow> list(
            @Param("enterprise") String enterprise,
            @Param("grade") String grade,
            @Param("open") Boolean open,
            @Param("overdueOn") LocalDate overdueOn,
            @Param("afterId") long afterId,
            @Param("limit") int limit);

    void insertFoundByTask(
            @Param("enterpriseId") long enterpriseId,
            @Param("grade") String grade,
            @Param("description") String description,
            @Param("on") LocalDate on,
            @Param("deadline") LocalDate deadline,
            @Param("by") String by,
            @Param("at") Instant at,
            @Param("taskId") long taskId);

    /** Marks the task's hazard rectified (if not yet) and verified; answers the rows changed. */
    int verifyByTask(@Param("hazardId") long hazardId, @Param("on") LocalDate on, @Param("by") String by);
}

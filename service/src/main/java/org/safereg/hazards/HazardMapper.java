package org.safereg.hazards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
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

    String sectorOf(@Param("enterpriseId") long enterpriseId);

    void insertClassification(ClassificationRows.Classification classification);

    void insertTypeMatches(@Param("matches") List<ClassificationRows.TypeMatch> matches);

    void insertFlag(ClassificationRows.Flag flag);

    List<ClassificationRows.Classification> classificationsOf(@Param("ids") Collection<Long> hazardIds);

    List<ClassificationRows.TypeMatch> typesOf(@Param("ids") Collection<Long> hazardIds);

    List<ClassificationRows.Flag> flagsOf(@Param("ids") Collection<Long> hazardIds);

    /** Hazards without a classification, oldest first, with their enterprise's sector. */
    List<ClassificationRows.Unclassified> unclassified(@Param("limit") int limit);

    /** Resolves an open flag; answers the rows changed. */
    int resolveFlag(
            @Param("hazardId") long hazardId,
            @Param("resolution") String resolution,
            @Param("by") String by,
            @Param("at") Instant at);

    /** Regrades a GENERAL hazard MAJOR; answers the rows changed. */
    int regradeMajor(@Param("id") long id);

    /** Marks the task's hazard rectified (if not yet) and verified; answers the rows changed. */
    int verifyByTask(@Param("hazardId") long hazardId, @Param("on") LocalDate on, @Param("by") String by);
}

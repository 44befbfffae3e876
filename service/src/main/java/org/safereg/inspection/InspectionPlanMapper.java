package org.safereg.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface InspectionPlanMapper {

    List<String> knownRegions(@Param("codes") Collection<String> codes);

    /** Enterprises of the region and its sub-regions in id order, with tier, risk and accepted history. */
    List<PlanEnterprise> enterprisesIn(
            @Param("prefix") String prefix,
            @Param("yearStart") LocalDate yearStart,
            @Param("yearEnd") LocalDate yearEnd);

    List<FocusRow> openHazards(@Param("ids") Collection<Long> ids, @Param("limit") int limit);

    List<AlarmFocusRow> recentAlarms(
            @Param("ids") Collection<Long> ids, @Param("since") java.time.Instant since, @Param("limit") int limit);

    List<FocusRow> pastViolations(
            @Param("ids") Collection<Long> ids, @Param("since") LocalDate since, @Param("limit") int limit);

    void insertPlan(NewPlan plan);

    PlanRow findPlan(@Param("id") long id);

    List<PlanRow> listPlans(@Param("prefix") String prefix, @Param("state") String state, @Param("limit") int limit);

    List<ItemRow> itemsOf(@Param("planId") long planId);

    int accept(@Param("id") long id, @Param("by") String by, @Param("at") java.time.Instant at);
}

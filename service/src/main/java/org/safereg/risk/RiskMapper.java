package org.safereg.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.system.IdList;

@Mapper
interface RiskMapper {

    /** The next page of enterprise ids after {@code afterId}, in id order (keyset paging). */
    List<Long> enterpriseIdsAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    int countEnterprises();

    int countResults();

    /** The risk facts of every enterprise with an id in [firstId, lastId]: one aggregate query for the page. */
    List<RiskFactsRow> factsBetween(
            @Param("firstId") long firstId, @Param("lastId") long lastId, @Param("today") LocalDate today);

    /** The risk facts of these enterprises (unknown ids are left out): one query for the list. */
    List<RiskFactsRow> factsOf(@Param("ids") IdList ids, @Param("today") LocalDate today);

    /** Inserts or replaces an enterprise's current risk; bulk callers use a BATCH session. */
    void upsertResult(RiskRecord row);

    void touchResults(@Param("ids") List<Long> ids, @Param("evaluatedAt") Instant evaluatedAt);

    void insertHistory(RiskHistoryRow row);

    RiskRecord findByCreditCode(@Param("creditCode") String creditCode);

    boolean enterpriseExists(@Param("creditCode") String creditCode);

    Cursor<RiskRecord> streamResults();

    List<RiskSummary> listResults(
            @Param("level") String level,
            @Param("regionPrefix") String regionPrefix,
            @Param("sector") String sector,
            @Param("afterCode") String afterCode,
            @Param("limit") int limit);

    List<RiskHistoryRow> historyOf(@Param("creditCode") String creditCode, @Param("limit") int limit);

    /** Enterprises per sub-region (the first {@code subLength} digits of the county code), sector and level. */
    List<HeatMapRow> heatMapCounts(@Param("regionPrefix") String regionPrefix, @Param("subLength") int subLength);

    /** Open (unrectified) hazards per sub-region, sector, level and description. */
    List<HeatMapRow> heatMapHazards(@Param("regionPrefix") String regionPrefix, @Param("subLength") int subLength);

    /** Open hazards per hazard type, sub-region, sector and risk level, from the hazards feature's hazard_types_view. */
    List<HeatMapTypeRow> heatMapHazardTypes(
            @Param("regionPrefix") String regionPrefix, @Param("subLength") int subLength);

    String regionName(@Param("code") String code);

    void startRun(RiskRun run);

    void heartbeatRun(@Param("id") long id, @Param("at") Instant at);

    void finishRun(
            @Param("id") long id, @Param("state") String state, @Param("at") Instant at, @Param("error") String error);

    int abandonStaleRuns(@Param("silentSince") Instant silentSince, @Param("now") Instant now);

    int runningRuns();

    boolean completedRunOn(@Param("version") String version);

    /** The partitions of a full run split by region: the cities (region code prefixes) that have enterprises. */
    List<String> regionPartitions();

    /** The next page of the ids of enterprises in a city ({@code prefix}) after {@code afterId}, in id order. */
    List<Long> enterpriseIdsInRegionAfter(
            @Param("prefix") String prefix, @Param("afterId") long afterId, @Param("limit") int limit);
}

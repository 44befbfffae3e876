package org.safereg.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.system.IdList;

@Mapper
interface CreditMapper {

    /** The next page of enterprise ids after {@code afterId}, in id order (keyset paging). */
    List<Long> enterpriseIdsAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    int countEnterprises();

    int countResults();

    /** The aggregated facts of every enterprise with an id in [firstId, lastId], one query for the page. */
    List<CreditFactsRow> factsBetween(
            @Param("firstId") long firstId,
            @Param("lastId") long lastId,
            @Param("windowStart") LocalDate windowStart,
            @Param("asOf") LocalDate asOf);

    /** The same for these enterprises (unknown ids are left out): one query for the list. */
    List<CreditFactsRow> factsOf(
            @Param("ids") IdList ids, @Param("windowStart") LocalDate windowStart, @Param("asOf") LocalDate asOf);

    List<AccidentRow> accidentsBetween(
            @Param("firstId") long firstId,
            @Param("lastId") long lastId,
            @Param("since") LocalDate since,
            @Param("asOf") LocalDate asOf);

    List<AccidentRow> accidentsOf(
            @Param("ids") IdList ids, @Param("since") LocalDate since, @Param("asOf") LocalDate asOf);

    /** Inserts or replaces an enterprise's current credit; bulk callers use a BATCH session. */
    void upsertResult(CreditRecord row);

    /** Records that unchanged results were evaluated again. */
    void touchResults(@Param("ids") List<Long> ids, @Param("evaluatedAt") Instant evaluatedAt);

    void insertHistory(HistoryRow row);

    CreditRecord findByCreditCode(@Param("creditCode") String creditCode);

    boolean enterpriseExists(@Param("creditCode") String creditCode);

    Long enterpriseIdOf(@Param("creditCode") String creditCode);

    /** Streams every stored result, to rebuild the read model. */
    Cursor<CreditRecord> streamResults();

    /** Current credits in credit-code order after {@code afterCode}, optionally of one tier and region prefix. */
    List<CreditSummary> listResults(
            @Param("tier") String tier,
            @Param("regionPrefix") String regionPrefix,
            @Param("afterCode") String afterCode,
            @Param("limit") int limit);

    List<HistoryRow> historyOf(@Param("creditCode") String creditCode, @Param("limit") int limit);

    void insertJob(CreditJobStart job);

    void updateJobProgress(
            @Param("id") long id,
            @Param("total") int total,
            @Param("processed") int processed,
            @Param("changed") int changed,
            @Param("failed") int failed,
            @Param("at") Instant at);

    void finishJob(
            @Param("id") long id,
            @Param("state") String state,
            @Param("finishedAt") Instant finishedAt,
            @Param("error") String error);

    CreditJobRecord findJob(@Param("id") long id);

    /** A job still marked running, by any instance. */
    CreditJobRecord findRunningJob();

    /** Marks as failed the jobs left running by an instance that stopped before finishing them. */
    int abandonStaleJobs(@Param("silentSince") Instant silentSince, @Param("now") Instant now);

    void heartbeat(@Param("id") long id, @Param("at") Instant at);

    boolean completedJobOn(@Param("version") String version);

    /** The partitions of a full run split by region: the cities (region code prefixes) that have enterprises. */
    List<String> regionPartitions();

    /** The next page of the ids of enterprises in a city ({@code prefix}) after {@code afterId}, in id order. */
    List<Long> enterpriseIdsInRegionAfter(
            @Param("prefix") String prefix, @Param("afterId") long afterId, @Param("limit") int limit);
}

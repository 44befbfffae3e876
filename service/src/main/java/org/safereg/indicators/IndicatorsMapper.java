package org.safereg.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * One aggregate query per indicator over the views other features publish; {@code bucket} is the period's
 * number (see the XML).
 */
@Mapper
interface IndicatorsMapper {

    record AccidentCount(int bucket, String grade, long accidents, Long deaths) {}

    record Durations(int bucket, long counted, BigDecimal mean, Long p90) {}

    record HazardCount(int bucket, long found, long selfReported, long major) {}

    record InspectionCount(int bucket, long inspections, long inspectors, long withViolations) {}

    record AlarmCount(int bucket, long raised, long acknowledged, BigDecimal meanAck, Long p90Ack) {}

    record PeriodShare(int bucket, String name, long enterprises) {}

    /** A period's bucket and the moment its distribution is read at. */
    record PeriodEnd(int bucket, LocalDate at) {}

    record RegionLevel(String region, String regionName, String level, long enterprises) {}

    List<AccidentCount> accidents(
            @Param("granularity") String granularity,
            @Param("from") LocalDate from,
            @Param("to") LocalDate to,
            @Param("regionPrefix") String regionPrefix,
            @Param("sector") String sector);

    List<Durations> rectification(
            @Param("granularity") String granularity,
            @Param("from") LocalDate from,
            @Param("to") LocalDate to,
            @Param("regionPrefix") String regionPrefix,
            @Param("sector") String sector);

    List<HazardCount> hazardsFound(
            @Param("granularity") String granularity,
            @Param("from") LocalDate from,
            @Param("to") LocalDate to,
            @Param("regionPrefix") String regionPrefix,
            @Param("sector") String sector);

    List<InspectionCount> inspections(
            @Param("granularity") String granularity,
            @Param("from") LocalDate from,
            @Param("to") LocalDate to,
            @Param("regionPrefix") String regionPrefix,
            @Param("sector") String sector);

    List<AlarmCount> alarms(
            @Param("granularity") String granularity,
            @Param("from") LocalDate from,
            @Param("to") LocalDate to,
            @Param("regionPrefix") String regionPrefix,
            @Param("sector") String sector);

    long monitoringPoints(@Param("regionPrefix") String regionPrefix, @Param("sector") String sector);

    long enterprises(@Param("regionPrefix") String regionPrefix, @Param("sector") String sector);

    List<PeriodShare> creditAt(
            @Param("periods") List<PeriodEnd> periods,
            @Param("regionPrefix") String regionPrefix,
            @Param("sector") String sector);

    List<PeriodShare> riskAt(
            @Param("periods") List<PeriodEnd> periods,
            @Param("regionPrefix") String regionPrefix,
            @Param("sector") String sector);

    List<RegionLevel> riskByRegion(
            @Param("subLength") int subLength,
            @Param("regionPrefix") String regionPrefix,
            @Param("sector") String sector);

    String regionName(@Param("code") String code);
}

package org.safereg.indicators;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The outcome indicators of one scope (region, sector) for each period asked for. */
record IndicatorsReport(
        @Schema(description = "what was asked: region, sector, granularity and the periods' range") Scope scope,
        @Schema(description = "enterprises in the scope now") long enterprises,
        @Schema(description = "monitoring points in the scope now, the denominator of alarms per point")
                long monitoringPoints,
        @Schema(description = "the periods in order, oldest first") List<PeriodIndicators> periods,
        @Schema(description = "how long the aggregates took, in milliseconds") long computedInMillis) {

    @Schema(name = "IndicatorsScope")
    record Scope(
            @Schema(description = "6-digit region code; null for the whole province", example = "140100") String region,
            String regionName,
            @Schema(description = "sector, or null for every sector", example = "HAZARDOUS_CHEMICALS") String sector,
            @Schema(description = "MONTH, QUARTER or YEAR", example = "MONTH") String granularity,
            @Schema(example = "2026-01") String from,
            @Schema(example = "2026-12") String to) {}

    @Schema(name = "IndicatorsPeriod")
    record PeriodIndicators(
            @Schema(example = "2026-03") String period,
            LocalDate start,
            @Schema(description = "the day after the period's last") LocalDate end,
            Accidents accidents,
            Rectification rectification,
            Hazards hazards,
            Inspections inspections,
            Alarms alarms,
            @Schema(description = "enterprises by credit tier at the period's end (their last change before it)")
                    Map<String, Long> credit,
            @Schema(description = "enterprises by risk level at the period's end (their last change before it)")
                    Map<String, Long> risk) {}

    @Schema(name = "IndicatorsAccidents")
    record Accidents(
            long total,
            long deaths,
            @Schema(description = "by grade: ESPECIALLY_SERIOUS, SERIOUS, LARGER, GENERAL") Map<String, Long> byGrade,
            @Schema(description = "accidents in the same period a year earlier") long yearBefore,
            @Schema(
                            description = "(total - yearBefore) / yearBefore; null when the year before had none",
                            example = "-0.42")
                    Double yearOnYearChange) {}

    @Schema(name = "IndicatorsRectification")
    record Rectification(
            @Schema(description = "hazards whose rectification was verified in the period") long verified,
            @Schema(description = "mean days from found to verified") Double meanDays,
            @Schema(description = "90th percentile (nearest rank) of those days") Long p90Days) {}

    @Schema(name = "IndicatorsHazards")
    record Hazards(
            @Schema(description = "hazards found in the period") long found,
            @Schema(description = "of those, reported by the enterprise itself (self-check)") long selfReported,
            Double selfReportedShare,
            long major) {}

    @Schema(name = "IndicatorsInspections")
    record Inspections(
            @Schema(description = "enforcement tasks completed with a result in the period") long inspections,
            @Schema(description = "distinct inspectors: the plan's inspector, else who reported the result")
                    long inspectors,
            Double perInspector,
            @Schema(description = "inspections whose result reported violations") long withViolations,
            @Schema(description = "share of inspections that found violations (targeting quality)")
                    Double violationShare) {}

    @Schema(name = "IndicatorsAlarms")
    record Alarms(
            @Schema(description = "alarms raised in the period (every level)") long raised,
            long acknowledged,
            @Schema(description = "mean seconds from raised to acknowledged") Double meanAcknowledgeSeconds,
            @Schema(description = "90th percentile (nearest rank) of those seconds") Long p90AcknowledgeSeconds,
            @Schema(description = "alarms raised per monitoring point in the scope") Double perMonitoringPoint) {}

    /** Current risk levels by sub-region: the heat map of the province (or of the region asked for). */
    @Schema(name = "IndicatorsHeatMap")
    record HeatMap(
            String region,
            String regionName,
            String sector,
            @Schema(description = "one entry per sub-region (cities of the province, counties of a city)")
                    List<RegionRisk> regions) {}

    @Schema(name = "HeatMapRegionRisk")
    record RegionRisk(
            String region,
            String regionName,
            long enterprises,
            @Schema(description = "enterprises by current risk level (RED, ORANGE, YELLOW, BLUE, NOT_ASSESSED)")
                    Map<String, Long> levels,
            @Schema(description = "share of the enterprises at RED or ORANGE") double highRiskShare) {}
}

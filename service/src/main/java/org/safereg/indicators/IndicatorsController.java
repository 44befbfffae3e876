package org.safereg.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Outcome indicators of supervision (监管成效指标) by region, sector and period")
class IndicatorsController {

    private static final String READERS = "hasAnyRole('POLICY_ADMIN','POLICY_VIEWER','REGULATOR','INSPECTOR')";

    private final Indicators indicators;

    IndicatorsController(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getOutcomeIndicators",
            summary = "Accidents, rectification time, inspections, alarm handling, self-reporting, credit and risk"
                    + " by period",
            description = "Each indicator is aggregated from the facts SafeReg holds for the enterprises of the"
                    + " region (and its sub-regions) and sector; see docs/indicators.md for each definition.")
    IndicatorsReport report(
            @Parameter(description = "MONTH (default), QUARTER or YEAR") @RequestParam(required = false)
                    String granularity,
            @Parameter(description = "first period: 2026-01, 2026-Q1 or 2026 (default: eleven periods before to)")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "last period, written as from (default: the current one)")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "6-digit region code (default: the whole province)")
                    @RequestParam(required = false)
                    String region,
            @Parameter(description = "sector (default: every sector)") @RequestParam(required = false) String sector) {
        return indicators.report(granularity, from, to, region, sector);
    }

    @GetMapping("/heat-map")
    @PreAuthorize(READERS)
    @Operation(
            operationId = "getIndicatorHeatMap",
            summary = "Current risk levels by sub-region, for the province's picture",
            description = "The cities of the province, or the counties of a city.")
    IndicatorsReport.HeatMap heatMap(
            @RequestParam(required = false) String region, @RequestParam(required = false) String sector) {
        return indicators.heatMap(region, sector);
    }
}

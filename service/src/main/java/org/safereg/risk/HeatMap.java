package org.safereg.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The risk heat map of a region: enterprises per risk level in each sub-region and sector, with the main
 * open hazards of each cell and their main hazard types.
 */
record HeatMap(
        @Schema(description = "the region asked for; absent for the whole database") String region,
        String regionName,
        @Schema(description = "enterprises per risk level over all cells") Map<String, Integer> totals,
        List<Cell> cells) {

    record Cell(
            @Schema(description = "sub-region code (a city of a province, a county of a city)") String region,
            String regionName,
            String sector,
            String level,
            int enterprises,
            @Schema(description = "most frequent open hazard descriptions among these enterprises")
                    List<Hazard> mainHazards,
            @Schema(
                            description = "the main hazard types (hazard-types.xlsx) of the open hazards of these"
                                    + " enterprises: most enterprises first, then most open hazards")
                    List<HazardType> mainHazardTypes) {}

    record Hazard(String description, int openHazards) {}

    @Schema(name = "HeatMapHazardType")
    record HazardType(
            @Schema(example = "UNCERTIFIED_WORK") String type,
            @Schema(example = "特种作业无证上岗") String name,
            @Schema(description = "enterprises of the cell with an open hazard of this type") int enterprises,
            @Schema(description = "open hazards of this type in the cell") int openHazards) {}
}

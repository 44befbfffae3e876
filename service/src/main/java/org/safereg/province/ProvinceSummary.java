package org.safereg.province;

import java.time.LocalDate;

/**
 * What {@link SyntheticProvince#generate} wrote.
 *
 * @param seed the seed the province was generated from
 * @param asOf the day the facts lead up to (the 36 months before it)
 * @param regions rows written to {@code regions}, and likewise for the other tables
 * @param elapsedMillis wall time of the generation, writing included
 */
public record ProvinceSummary(
        long seed,
        LocalDate asOf,
        long regions,
        long enterprises,
        long hazards,
        long violations,
        long trainings,
        long drills,
        long accidents,
        long elapsedMillis) {

    public long totalRows() {
        return regions + enterprises + hazards + violations + trainings + drills + accidents;
    }

    @Override
    public String toString() {
        return ("%,d enterprises (seed %d, as of %s) with %,d hazards, %,d violations, %,d trainings, %,d drills, "
                        + "%,d accidents in %,d regions: %,d rows in %,d ms")
                .formatted(
                        enterprises,
                        seed,
                        asOf,
                        hazards,
                        violations,
                        trainings,
                        drills,
                        accidents,
                        regions,
                        totalRows(),
                        elapsedMillis);
    }
}

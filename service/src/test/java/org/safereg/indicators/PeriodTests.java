package org.safereg.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTests {

    @Test
    void aPeriodIsReadAsItsGranularityWritesIt() {
        Period march = Period.parse(Period.Granularity.MONTH, "2026-03");
        assertThat(march.start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.end()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(march.bucket()).isEqualTo(202603);

        Period q4 = Period.parse(Period.Granularity.QUARTER, "2025-Q4");
        assertThat(q4.start()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(q4.bucket()).isEqualTo(20254);

        assertThat(Period.parse(Period.Granularity.YEAR, "2024").end()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void aLabelOfAnotherGranularityOrNoPeriodIsNone() {
        assertThat(Period.parse(Period.Granularity.MONTH, "2026-13")).isNull();
        assertThat(Period.parse(Period.Granularity.MONTH, "2026-Q1")).isNull();
        assertThat(Period.parse(Period.Granularity.QUARTER, "2026-03")).isNull();
        assertThat(Period.parse(Period.Granularity.YEAR, "26")).isNull();
        assertThat(Period.parse(Period.Granularity.YEAR, null)).isNull();
    }

    @Test
    void periodsRunFromTheFirstToTheLastAcrossYears() {
        var periods = Period.between(
                Period.Granularity.QUARTER,
                Period.parse(Period.Granularity.QUARTER, "2025-Q3"),
                Period.parse(Period.Granularity.QUARTER, "2026-Q2"));
        assertThat(periods).extracting(Period::label).containsExactly("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2");
        assertThat(periods.get(2).yearBefore(Period.Granularity.QUARTER).label())
                .isEqualTo("2025-Q1");
    }
}

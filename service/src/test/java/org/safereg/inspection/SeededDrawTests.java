package org.safereg.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plan's random numbers are SplitMix64 exactly, so that anyone can re-run a published draw. */
class SeededDrawTests {

    @Test
    void theFirstNumbersOfSeedZeroAreSplitMix64sReferenceValues() {
        SeededDraw draw = new SeededDraw(0);

        assertThat(draw.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(draw.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(draw.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void boundedNumbersStayInTheirRangeAndCoverIt() {
        SeededDraw draw = new SeededDraw(42);
        int[] seen = new int[7];

        for (int i = 0; i < 7_000; i++) {
            seen[draw.nextInt(7)]++;
        }

        for (int count : seen) {
            assertThat(count).isBetween(850, 1150);
        }
        assertThat(draw.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
    }
}

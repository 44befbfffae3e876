package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditAdviceTests {

    @Test
    void aLeverTriesEveryCountUpToItsBestOrEveryWholePercentOfALargeOne() {
        assertThat(CreditAdvice.stepsUp(1, 4)).containsExactly(2, 3, 4);
        assertThat(CreditAdvice.stepsUp(4, 4)).isEmpty();
        var large = CreditAdvice.stepsUp(0, 1_000);
        assertThat(large).hasSize(100).startsWith(10, 20).endsWith(1_000);
        assertThat(CreditAdvice.stepsDown(3)).containsExactly(2, 1, 0);
        assertThat(CreditAdvice.stepsDown(0)).isEmpty();
        assertThat(CreditAdvice.stepsDown(1_000)).hasSizeLessThanOrEqualTo(101).endsWith(0);
    }

    @Test
    void aBetterTierComesFirstInTheAlphabet() {
        assertThat(CreditAdvice.better("A", "B")).isTrue();
        assertThat(CreditAdvice.better("C", "C")).isFalse();
        assertThat(CreditAdvice.better("D", "C")).isFalse();
    }
}

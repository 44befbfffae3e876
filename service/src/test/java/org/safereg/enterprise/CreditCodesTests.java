package org.safereg.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTests {

    /** The worked example that accompanies GB 32100-2015. */
    private static final String STANDARD_EXAMPLE = "91350100M000100Y43";

    @Test
    void theStandardsExampleIsValid() {
        assertThat(CreditCodes.isValid(STANDARD_EXAMPLE)).isTrue();
        assertThat(CreditCodes.describeProblem(STANDARD_EXAMPLE)).isNull();
        assertThat(CreditCodes.withCheckDigit("91350100M000100Y4")).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void aWeightedSumOfWholeMultiplesOf31GivesCheckDigitZero() {
        // weighted sum 434 = 14 · 31, so 31 - 0 = 31, which wraps to '0'
        assertThat(CreditCodes.withCheckDigit("91140105120000022")).isEqualTo("911401051200000220");
        assertThat(CreditCodes.isValid("911401051200000220")).isTrue();
    }

    @Test
    void theHighestCheckValueIsTheLastCharacterY() {
        // weighted sum 404 = 13 · 31 + 1, so 31 - 1 = 30, the character set's last character
        assertThat(CreditCodes.withCheckDigit("91140105120000012")).isEqualTo("91140105120000012Y");
        assertThat(CreditCodes.isValid("91140105120000012Y")).isTrue();
    }

    @Test
    void anOrganisationCodeCheckXInsideTheBodyIsAllowed() {
        String code = CreditCodes.withCheckDigit("9114010512345678X");
        assertThat(code).startsWith("9114010512345678X").hasSize(18);
        assertThat(CreditCodes.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "91350100M000100Y43 "})
    void aCodeOfAnyOtherLengthIsRejected(String code) {
        assertThat(CreditCodes.isValid(code)).isFalse();
        assertThat(CreditCodes.describeProblem(code)).isEqualTo("must be 18 characters");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', '-', ' '})
    void lettersEasilyMisreadAndPunctuationAreRejected(char character) {
        String code = "91350100M000100" + character + "43";
        assertThat(CreditCodes.isValid(code)).isFalse();
        assertThat(CreditCodes.describeProblem(code)).isEqualTo("contains '" + character + "' which is not allowed");
    }

    @Test
    void aLowerCaseLetterIsRejectedWithAHint() {
        assertThat(CreditCodes.describeProblem("91350100m000100Y43"))
                .isEqualTo("contains 'm' which is not allowed (letters must be upper case)");
    }

    @Test
    void aWrongCheckDigitNamesTheRightOne() {
        assertThat(CreditCodes.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCodes.describeProblem("91350100M000100Y44")).isEqualTo("check digit should be 3");
    }

    @Test
    void aSingleMistypedCharacterChangesTheCheckDigit() {
        assertThat(CreditCodes.describeProblem("91350100M000101Y43")).startsWith("check digit should be ");
    }

    @Test
    void aBodyThatIsNot17CharactersOfTheCharacterSetHasNoCheckDigit() {
        assertThatThrownBy(() -> CreditCodes.withCheckDigit("91350100M000100Y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("17 characters");
        assertThatThrownBy(() -> CreditCodes.withCheckDigit("91350100I000100Y4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains 'I' which is not allowed");
        assertThatThrownBy(() -> CreditCodes.withCheckDigit(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.safereg.enterprise;

import org.safereg.system.Text;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies an enterprise: 18
 * characters from a 31-character set, the last one a check character over the first 17.
 */
public final class CreditCodes {

    /** Digits and upper-case letters without I, O, S, V and Z, which are too easily misread. */
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 3^(i-1) mod 31 for positions 1 to 17. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static final int LENGTH = 18;

    private CreditCodes() {}

    public static boolean isValid(String code) {
        return describeProblem(code) == null;
    }

    /**
     * The complete code for its first 17 characters.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 characters of the code's character set
     */
    public static String withCheckDigit(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("the body of a credit code must be 17 characters: " + first17);
        }
        Text problem = characterProblem(first17);
        if (problem != null) {
            throw new IllegalArgumentException("the body of a credit code " + problem.english() + ": " + first17);
        }
        return first17 + checkCharacter(first17);
    }

    /** What is wrong with {@code code}, in words a user can act on, or null when it is a valid code. */
    public static String describeProblem(String code) {
        Text problem = problemOf(code);
        return problem == null ? null : problem.english();
    }

    /** {@link #describeProblem}, in any language. */
    public static Text problemOf(String code) {
        if (code == null || code.length() != LENGTH) {
            return Text.of("credit-code.length", "must be 18 characters");
        }
        Text problem = characterProblem(code);
        if (problem != null) {
            return problem;
        }
        char expected = checkCharacter(code);
        return code.charAt(LENGTH - 1) == expected
                ? null
                : Text.of("credit-code.check-digit", "check digit should be {0}", expected);
    }

    /** The problem of a code that is not one, as the detail of a 400: "'x' is not a unified social credit code: ...". */
    public static Text notACode(String code, Text problem) {
        return Text.of("credit-code.invalid", "'{0}' is not a unified social credit code: {1}.", code, problem);
    }

    private static Text characterProblem(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                // a lower-case letter is the commonest slip when a code is typed by hand
                Object hint = Character.isLowerCase(c)
                        ? Text.of("credit-code.upper-case", " (letters must be upper case)")
                        : "";
                return Text.of("credit-code.character", "contains '{0}' which is not allowed{1}", c, hint);
            }
        }
        return null;
    }

    private static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }
}

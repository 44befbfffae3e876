package org.safereg.engine;

import java.util.Map;
import java.util.Set;

/**
 * Runs the example cases written in a workbook's {@code Examples} sheet (and the repository's regression
 * cases for it) the way the feature that owns the workbook decides: the inputs as a policy officer writes
 * them become that feature's facts, and what comes back is what the feature would decide on the given
 * rules. A feature that owns a workbook provides one as a bean.
 */
public interface WorkbookExamples {

    /** The workbook whose examples this runs, e.g. {@code decision-tables/credit-scoring.xlsx}. */
    String workbook();

    /** The inputs a case may give (a blank one takes its default). */
    Set<String> inputs();

    /** The outcomes a case may expect. */
    Set<String> outcomes();

    /**
     * Decides one case on {@code rules}: every outcome in {@link #outcomes()} by name, as text.
     *
     * @throws ExampleInputException when an input cannot be read
     */
    Map<String, String> run(RuleSetSnapshot rules, Map<String, String> inputs);

    /** A whole number of at least 0 (a count), 0 when blank. */
    static int count(Map<String, String> inputs, String name) {
        String value = inputs.get(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            double number = Double.parseDouble(value.trim());
            if (number >= 0 && number == Math.rint(number) && number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ExampleInputException(
                name,
                name + " must be a whole number of 0 or more, not \"" + value + "\"",
                name + " 应为不小于 0 的整数，而不是“" + value + "”");
    }

    /** A finite number, or null when blank. */
    static Double number(Map<String, String> inputs, String name) {
        String value = inputs.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.trim());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ExampleInputException(
                name, name + " must be a number, not \"" + value + "\"", name + " 应为数值，而不是“" + value + "”");
    }

    /** Text in upper case, {@code otherwise} when blank; one of {@code allowed} when that is not empty. */
    static String choice(Map<String, String> inputs, String name, String otherwise, Set<String> allowed) {
        String value = inputs.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String choice = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.isEmpty() && !allowed.contains(choice)) {
            String list = String.join(", ", new java.util.TreeSet<>(allowed));
            throw new ExampleInputException(
                    name,
                    name + " must be one of " + list + ", not \"" + value + "\"",
                    name + " 应为 " + list + " 之一，而不是“" + value + "”");
        }
        return choice;
    }

    /** An input of a case that is not a value of its kind, said in English and Chinese. */
    final class ExampleInputException extends RuntimeException {

        private final String input;
        private final String messageZh;

        public ExampleInputException(String input, String message, String messageZh) {
            super(message);
            this.input = input;
            this.messageZh = messageZh;
        }

        public String input() {
            return input;
        }

        public String messageZh() {
            return messageZh;
        }
    }
}

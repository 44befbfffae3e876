package org.safereg.system;

import java.util.List;

/**
 * Input that bean validation cannot judge on its own (unknown codes, inconsistent combinations). The
 * message is shown to the caller as the problem's {@code detail}; the violations, when given, are listed
 * under {@code errors} so that a client can mark the fields at fault. Given as {@link Text}s, both are said
 * in the caller's language.
 */
public class InvalidInputException extends RuntimeException {

    private final transient Text text;
    private final transient List<Violation> violations;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String message, List<Violation> violations) {
        this(Text.english(message), violations);
    }

    public InvalidInputException(Text text) {
        this(text, List.of());
    }

    public InvalidInputException(Text text, List<Violation> violations) {
        super(text.english());
        this.text = text;
        this.violations = List.copyOf(violations);
    }

    /** One field at fault, with the detail saying the same thing. */
    public static InvalidInputException forField(String field, String message) {
        return forField(field, Text.english(message));
    }

    /** One field at fault, with the detail saying the same thing: "{@code field}: {@code message}". */
    public static InvalidInputException forField(String field, Text message) {
        Violation violation = new Violation(field, message);
        return new InvalidInputException(violation.named(": "), List.of(violation));
    }

    /**
     * The violations one after another, "; " between them in English, each as "{@code field}{@code
     * fieldSeparator}{@code message}": for a detail that lists them all.
     */
    public static Text listed(List<Violation> violations, String fieldSeparator) {
        return Text.list(
                "; ", violations.stream().map(v -> v.named(fieldSeparator)).toList());
    }

    public Text text() {
        return text;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** A field of the input, named as the client sent it ({@code roles[1]}, {@code address.city}). */
    public record Violation(String field, Text text) {

        public Violation(String field, String message) {
            this(field, Text.english(message));
        }

        /** In English. */
        public String message() {
            return text.english();
        }

        /** "{@code field}{@code separator}{@code message}", the separator ({@code " "} or {@code ": "}) in English. */
        public Text named(String separator) {
            if (!separator.equals(" ") && !separator.equals(": ")) {
                throw new IllegalArgumentException("a field and its message are separated by ' ' or ': '");
            }
            return Text.of(
                    separator.equals(" ") ? "input.field-message" : "input.field-colon-message",
                    "{0}" + separator + "{1}",
                    field,
                    text);
        }
    }
}

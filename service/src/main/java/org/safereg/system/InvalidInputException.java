package org.safereg.system;

import java.util.List;

/**
 * Input that bean validation cannot judge on its own (unknown codes, inconsistent combinations). The
 * message is shown to the caller as the problem's {@code detail}; the violations, when given, are listed
 * under {@code errors} so that a client can mark the fields at fault.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** One field at fault, with the detail saying the same thing. */
    public static InvalidInputException forField(String field, String message) {
        return new InvalidInputException(field + ": " + message, List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** A field of the input, named as the client sent it ({@code roles[1]}, {@code address.city}). */
    public record Violation(String field, String message) {}
}

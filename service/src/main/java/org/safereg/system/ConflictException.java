package org.safereg.system;

/**
 * The request is well formed but clashes with the current state: a rule set already active, a job
 * already running, a stale version. The message is shown to the caller as the problem's {@code detail};
 * as a {@link Text} it is said in the caller's language.
 */
public class ConflictException extends RuntimeException {

    private final transient Text text;

    public ConflictException(String message) {
        this(Text.english(message));
    }

    public ConflictException(String message, Throwable cause) {
        this(Text.english(message), cause);
    }

    public ConflictException(Text text) {
        super(text.english());
        this.text = text;
    }

    public ConflictException(Text text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    /** The detail, in any language. */
    public Text text() {
        return text;
    }
}

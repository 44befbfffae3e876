package org.safereg.system;

/**
 * What the caller asked for does not exist. The message is shown to the caller as the problem's
 * {@code detail}, so write it for them: "no enterprise with credit code 91110000...", as a {@link Text} so
 * that it is said in their language.
 */
public class NotFoundException extends RuntimeException {

    private final transient Text text;

    public NotFoundException(String message) {
        this(Text.english(message));
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
        this.text = Text.english(message);
    }

    public NotFoundException(Text text) {
        super(text.english());
        this.text = text;
    }

    /** The detail, in any language. */
    public Text text() {
        return text;
    }
}

package org.safereg.system;

/**
 * What the caller asked for does not exist. The message is shown to the caller as the problem's
 * {@code detail}, so write it for them: "no enterprise with credit code 91110000...".
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}

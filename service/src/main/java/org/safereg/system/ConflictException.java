package org.safereg.system;

/**
 * The request is well formed but clashes with the current state: a rule set already active, a job
 * already running, a stale version. The message is shown to the caller as the problem's {@code detail}.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}

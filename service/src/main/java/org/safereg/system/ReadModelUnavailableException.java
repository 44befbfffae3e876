package org.safereg.system;

/** A read model's store (Redis) did not take a write or did not answer; MySQL still holds the truth. */
public class ReadModelUnavailableException extends RuntimeException {

    public ReadModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

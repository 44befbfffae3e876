package org.safereg.readmodel;

/** A read model's store (Redis) did not take a write or did not answer; MySQL still holds the truth. */
class ReadModelUnavailableException extends RuntimeException {

    ReadModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

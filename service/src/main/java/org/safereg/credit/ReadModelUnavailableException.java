package org.safereg.credit;

class ReadModelUnavailableException extends RuntimeException {

    ReadModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.safereg.inspection;

/** The inspection-frequency table has no single answer for a class of enterprises. */
class PolicyGapException extends RuntimeException {

    PolicyGapException(String message) {
        super(message);
    }
}

package org.safereg.credit;

/**
 * The active rule set could not decide an enterprise's credit: an indicator without a matching band
 * or weight, or a score without a tier. A gap in the tables, never a reason to guess.
 */
class CreditModelException extends RuntimeException {

    CreditModelException(String message) {
        super(message);
    }
}

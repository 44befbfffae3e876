package org.safereg.risk;

/** The risk table could not decide an enterprise's level; the enterprise keeps its previous result. */
class RiskModelException extends RuntimeException {

    RiskModelException(String message) {
        super(message);
    }
}

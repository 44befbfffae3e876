package org.safereg.engine;

/**
 * A DMN model could not decide: the version has no model of that name, or a decision reported errors. The
 * message names the model, the decision and why.
 */
public class DecisionModelException extends RuntimeException {

    private final String model;
    private final String decision;

    public DecisionModelException(String model, String decision, String message) {
        super(message);
        this.model = model;
        this.decision = decision;
    }

    /** The model asked for, by its DMN name. */
    public String model() {
        return model;
    }

    /** The decision that failed, or null when the model itself is missing. */
    public String decision() {
        return decision;
    }
}

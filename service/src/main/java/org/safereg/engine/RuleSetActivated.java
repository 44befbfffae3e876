package org.safereg.engine;

import java.util.Objects;

/**
 * A policy admin put a rule-set version in force (a rollback too). Published once, by the instance that
 * performed the activation, after it swapped the version in; the features whose decisions come from the
 * rules (credit, risk) re-evaluate everything on it, so that what the new policy decides is visible without
 * waiting for the nightly runs. The other instances install the version without this event.
 *
 * @param version the content hash of the version now in force
 * @param by who activated it
 */
public record RuleSetActivated(String version, String by) {

    public RuleSetActivated {
        Objects.requireNonNull(version, "version");
    }
}

package org.safereg.rulesets;

import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.ConflictException;
import org.safereg.system.NotFoundException;

/** What activating a version would change, simulated on demand, and the last simulation kept. */
class VersionImpacts {

    private final VersionHistory history;
    private final RuleEngine engine;
    private final RuleSetCompiles compiles;
    private final ImpactSimulation impacts;

    VersionImpacts(VersionHistory history, RuleEngine engine, RuleSetCompiles compiles, ImpactSimulation impacts) {
        this.history = history;
        this.engine = engine;
        this.compiles = compiles;
        this.impacts = impacts;
    }

    /**
     * What activating {@code version} would change against {@code against} (the active version when null),
     * decided on the facts as they are now; nothing is written.
     */
    ImpactSimulation.Report simulate(String version, String against) {
        VersionRow row = history.row(version);
        if (RuleSetState.valueOf(row.state()) == RuleSetState.REJECTED) {
            throw new ConflictException("Rule set " + version
                    + " was rejected (it did not compile or failed its checks); there is nothing to simulate.");
        }
        String other = history.orActive(against);
        VersionRow otherRow = history.row(other);
        if (RuleSetState.valueOf(otherRow.state()) == RuleSetState.REJECTED) {
            throw new ConflictException(
                    "Rule set " + other + " was rejected; compare against a version that compiles.");
        }
        return impacts.simulate(version, snapshotOf(version), other, snapshotOf(other));
    }

    /** The last simulation of {@code version} against {@code against} (default the active one). */
    ImpactSimulation.Report last(String version, String against) {
        history.row(version);
        String other = history.orActive(against);
        ImpactSimulation.Report report = impacts.last(version, other);
        if (report == null) {
            throw new NotFoundException("No impact of rule set " + version + " against " + other
                    + " has been simulated yet; POST to simulate it.");
        }
        return report;
    }

    /** The running snapshot when it is that version: no compile for the usual comparison. */
    private RuleSetSnapshot snapshotOf(String version) {
        RuleSetSnapshot active = engine.active();
        if (active.version().hash().equals(version)) {
            return active;
        }
        return compiles.compileStored(version, history.ruleFiles(version));
    }
}

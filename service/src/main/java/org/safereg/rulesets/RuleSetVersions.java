package org.safereg.rulesets;

import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.ConflictException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;

/**
 * Stored versions as what runs them: the compiled snapshot of any version, for work that compares a candidate
 * with another version without activating anything (impact simulation).
 */
public class RuleSetVersions {

    private final VersionHistory history;
    private final RuleEngine engine;
    private final RuleSetCompiles compiles;

    RuleSetVersions(VersionHistory history, RuleEngine engine, RuleSetCompiles compiles) {
        this.history = history;
        this.engine = engine;
        this.compiles = compiles;
    }

    /** Two versions compiled side by side: a candidate and the one it is compared against. */
    public record Compared(String version, RuleSetSnapshot candidate, String against, RuleSetSnapshot current) {}

    /**
     * {@code version} and {@code against} (the active version when blank), both compiled.
     *
     * @throws NotFoundException when either is not stored
     * @throws ConflictException when either was rejected or no longer compiles
     */
    public Compared compare(String version, String against) {
        VersionRow row = history.row(version);
        if (RuleSetState.valueOf(row.state()) == RuleSetState.REJECTED) {
            throw new ConflictException(Text.of(
                    "rule-sets.rejected-nothing-to-simulate",
                    "Rule set {0} was rejected (it did not compile or failed its checks); there is nothing to simulate.",
                    version));
        }
        String other = history.orActive(against);
        VersionRow otherRow = history.row(other);
        if (RuleSetState.valueOf(otherRow.state()) == RuleSetState.REJECTED) {
            throw new ConflictException(Text.of(
                    "rule-sets.compare-rejected",
                    "Rule set {0} was rejected; compare against a version that compiles.",
                    other));
        }
        return new Compared(version, snapshotOf(version), other, snapshotOf(other));
    }

    /**
     * The version {@code version} is compared against: {@code against}, or the active one when blank.
     *
     * @throws NotFoundException when {@code version} is not stored
     */
    public String comparedWith(String version, String against) {
        history.row(version);
        return history.orActive(against);
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

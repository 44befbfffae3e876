package org.safereg.rulesets;

import java.util.List;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetCompilationException;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.ConflictException;
import org.safereg.system.NotFoundException;

/**
 * Stored versions as what runs them: the compiled snapshot of any version, for work that compares a candidate
 * with another version without activating anything (impact simulation).
 */
public class RuleSetVersions {

    private final RuleEngine engine;
    private final RuleSetMapper mapper;
    private final RuleSetCompiles compiles;

    RuleSetVersions(RuleEngine engine, RuleSetMapper mapper, RuleSetCompiles compiles) {
        this.engine = engine;
        this.mapper = mapper;
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
        VersionRow row = row(version);
        if (RuleSetState.valueOf(row.state()) == RuleSetState.REJECTED) {
            throw new ConflictException("Rule set " + version
                    + " was rejected (it did not compile or failed its checks); there is nothing to simulate.");
        }
        String other = againstOrActive(against);
        VersionRow otherRow = row(other);
        if (RuleSetState.valueOf(otherRow.state()) == RuleSetState.REJECTED) {
            throw new ConflictException(
                    "Rule set " + other + " was rejected; compare against a version that compiles.");
        }
        return new Compared(version, snapshotOf(version), other, snapshotOf(other));
    }

    /**
     * The version {@code version} is compared against: {@code against}, or the active one when blank.
     *
     * @throws NotFoundException when {@code version} is not stored
     */
    public String comparedWith(String version, String against) {
        row(version);
        return againstOrActive(against);
    }

    private String againstOrActive(String against) {
        return against == null || against.isBlank() ? mapper.activeVersion() : against.trim();
    }

    private RuleSetSnapshot snapshotOf(String version) {
        RuleSetSnapshot active = engine.active();
        if (active.version().hash().equals(version)) {
            return active;
        }
        List<RuleFile> files = mapper.filesWithContent(version).stream()
                .map(f -> new RuleFile(f.path(), f.content()))
                .toList();
        try {
            return compiles.compile(files);
        } catch (RuleSetCompilationException e) {
            throw new ConflictException("Rule set " + version + " no longer compiles: " + e.getMessage(), e);
        }
    }

    private VersionRow row(String version) {
        VersionRow row = version == null ? null : mapper.version(version);
        if (row == null) {
            throw new NotFoundException("There is no rule-set version " + version + ".");
        }
        return row;
    }
}

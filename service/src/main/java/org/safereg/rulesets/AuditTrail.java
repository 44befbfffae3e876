package org.safereg.rulesets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Who uploaded, approved, activated or rolled back which version, when and why. */
class AuditTrail {

    private final RuleSetMapper mapper;
    private final Clock clock;

    AuditTrail(RuleSetMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The moment of an action: its entry and the rows it changes carry the same instant. */
    Instant now() {
        return Instant.now(clock);
    }

    /** Written in the caller's transaction, so that the entry and the action commit together. */
    void record(Instant at, String actor, String action, String version, String reason) {
        mapper.insertAudit(at, actor, action, version, reason);
    }

    /** Newest first; every version's entries when {@code version} is null. */
    List<AuditEntry> entries(String version, int limit) {
        return mapper.audit(version, limit);
    }

    /** A reason as the trail keeps it: trimmed, at most 500 characters, null when blank. */
    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String trimmed = reason.trim();
        return trimmed.length() > 500 ? trimmed.substring(0, 500) : trimmed;
    }
}

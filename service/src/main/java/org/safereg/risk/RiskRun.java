package org.safereg.risk;

import java.time.Instant;

/** The row of a full risk recompute, with its lease; MyBatis fills in {@code id}. */
final class RiskRun {

    private Long id;
    private final String cause;
    private final String ruleSetVersion;
    private final String owner;
    private final Instant startedAt;

    RiskRun(String cause, String ruleSetVersion, String owner, Instant startedAt) {
        this.cause = cause;
        this.ruleSetVersion = ruleSetVersion;
        this.owner = owner;
        this.startedAt = startedAt;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCause() {
        return cause;
    }

    public String getRuleSetVersion() {
        return ruleSetVersion;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getStartedAt() {
        return startedAt;
    }
}

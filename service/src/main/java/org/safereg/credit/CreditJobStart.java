package org.safereg.credit;

import java.time.Instant;

/** The row that starts a job; MyBatis fills in {@code id}. */
final class CreditJobStart {

    private Long id;
    private final String triggerSource;
    private final String requestedBy;
    private final String ruleSetVersion;
    private final Instant startedAt;
    private final String owner;

    CreditJobStart(String triggerSource, String requestedBy, String ruleSetVersion, Instant startedAt, String owner) {
        this.owner = owner;
        this.triggerSource = triggerSource;
        this.requestedBy = requestedBy;
        this.ruleSetVersion = ruleSetVersion;
        this.startedAt = startedAt;
    }

    public String getOwner() {
        return owner;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTriggerSource() {
        return triggerSource;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getRuleSetVersion() {
        return ruleSetVersion;
    }

    public Instant getStartedAt() {
        return startedAt;
    }
}

package org.safereg.jobs;

import java.time.Instant;

/** The row that queues a job; MyBatis fills in {@code id}. */
final class NewJob {

    private Long id;
    private final JobKind kind;
    private final String requestedBy;
    private final String owner;
    private final Instant queuedAt;

    NewJob(JobKind kind, String requestedBy, String owner, Instant queuedAt) {
        this.kind = kind;
        this.requestedBy = requestedBy;
        this.owner = owner;
        this.queuedAt = queuedAt;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public JobKind getKind() {
        return kind;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getOwner() {
        return owner;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }
}

package org.safereg.tasks;

import java.time.Instant;

/** The row {@link TaskMapper#insertTask} writes; MyBatis sets the generated id. */
final class TaskInsert {
    private Long id;
    private final NewTask task;
    private final String firedRules;
    private final Instant createdAt;

    TaskInsert(NewTask task, String firedRules, Instant createdAt) {
        this.task = task;
        this.firedRules = firedRules;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public NewTask getTask() {
        return task;
    }

    public String getKey() {
        return task.idempotencyKey();
    }

    public String getFiredRules() {
        return firedRules;
    }

    public Integer getDecidingRule() {
        return task.decision().decidingRule();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

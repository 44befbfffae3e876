package org.safereg.hazards;

import java.time.Instant;
import java.time.LocalDate;

/** A hazard to insert; MyBatis sets the generated id. */
final class NewHazardRow {
    private Long id;
    final long enterpriseId;
    final String source;
    final String grade;
    final String description;
    final LocalDate foundOn;
    final LocalDate deadline;
    final String recordedBy;
    final Instant recordedAt;
    final Long foundByTask;

    NewHazardRow(
            long enterpriseId,
            String source,
            String grade,
            String description,
            LocalDate foundOn,
            LocalDate deadline,
            String recordedBy,
            Instant recordedAt) {
        this(enterpriseId, source, grade, description, foundOn, deadline, recordedBy, recordedAt, null);
    }

    NewHazardRow(
            long enterpriseId,
            String source,
            String grade,
            String description,
            LocalDate foundOn,
            LocalDate deadline,
            String recordedBy,
            Instant recordedAt,
            Long foundByTask) {
        this.enterpriseId = enterpriseId;
        this.source = source;
        this.grade = grade;
        this.description = description;
        this.foundOn = foundOn;
        this.deadline = deadline;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.foundByTask = foundByTask;
    }

    public Long getFoundByTask() {
        return foundByTask;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public String getSource() {
        return source;
    }

    public String getGrade() {
        return grade;
    }

    public String getDescription() {
        return description;
    }

    public LocalDate getFoundOn() {
        return foundOn;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}

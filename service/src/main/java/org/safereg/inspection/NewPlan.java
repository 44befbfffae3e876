package org.safereg.inspection;

import java.time.Instant;
import java.time.LocalDate;

/** A plan header to insert; the database gives it its id. */
final class NewPlan {

    Long id;
    final String regionCode;
    final String periodKind;
    final LocalDate periodStart;
    final LocalDate periodEnd;
    final long seed;
    final String ruleSetVersion;
    final String inputs;
    final String factsDigest;
    final String digest;
    final String population;
    final String warnings;
    final long mandatoryItems;
    final long randomItems;
    final String createdBy;
    final Instant createdAt;

    NewPlan(
            String regionCode,
            PlanPeriod period,
            long seed,
            String ruleSetVersion,
            String inputs,
            String factsDigest,
            String digest,
            String population,
            String warnings,
            long mandatoryItems,
            long randomItems,
            String createdBy,
            Instant createdAt) {
        this.regionCode = regionCode;
        this.periodKind = period.kind().name();
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.seed = seed;
        this.ruleSetVersion = ruleSetVersion;
        this.inputs = inputs;
        this.factsDigest = factsDigest;
        this.digest = digest;
        this.population = population;
        this.warnings = warnings;
        this.mandatoryItems = mandatoryItems;
        this.randomItems = randomItems;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getPeriodKind() {
        return periodKind;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public long getSeed() {
        return seed;
    }

    public String getRuleSetVersion() {
        return ruleSetVersion;
    }

    public String getInputs() {
        return inputs;
    }

    public String getFactsDigest() {
        return factsDigest;
    }

    public String getDigest() {
        return digest;
    }

    public String getPopulation() {
        return population;
    }

    public String getWarnings() {
        return warnings;
    }

    public long getMandatoryItems() {
        return mandatoryItems;
    }

    public long getRandomItems() {
        return randomItems;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

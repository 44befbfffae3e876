package org.safereg.enforcement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A stored enforcement decision as its table holds it; {@code creditCode} is read with it from the register. */
record EnforcementRow(
        Long id,
        long taskId,
        long violationId,
        long enterpriseId,
        String creditCode,
        LocalDate inspectedOn,
        int article,
        Integer item,
        String circumstances,
        String band,
        boolean orderToCorrect,
        Integer correctionDays,
        BigDecimal unitFineMin,
        BigDecimal unitFineMax,
        BigDecimal personFineMin,
        BigDecimal personFineMax,
        BigDecimal bandUnitMin,
        BigDecimal bandUnitMax,
        BigDecimal bandPersonMin,
        BigDecimal bandPersonMax,
        boolean suspension,
        boolean dailyFine,
        String legalBasis,
        String reasons,
        String ruleSetVersion,
        String firedRules,
        Instant decidedAt) {}

package org.safereg.monitoring;

import java.math.BigDecimal;
import java.time.Instant;

/** One sensor measuring one metric on one piece of equipment of one enterprise. */
record MonitoringPoint(
        long id,
        String code,
        long enterpriseId,
        String creditCode,
        String regionCode,
        String sector,
        String equipmentType,
        String equipmentId,
        String equipmentName,
        String processUnit,
        String metric,
        String unit,
        BigDecimal ratedLimit,
        BigDecimal oel,
        Instant createdAt) {}

package org.safereg.monitoring;

import java.math.BigDecimal;
import java.time.Instant;

/** A monitoring point as the API shows it. */
record MonitoringPointView(
        String code,
        String enterprise,
        String region,
        String equipmentType,
        String equipmentId,
        String equipmentName,
        String processUnit,
        String metric,
        String unit,
        BigDecimal ratedLimit,
        BigDecimal oel,
        Instant createdAt) {

    static MonitoringPointView of(MonitoringPoint p) {
        return new MonitoringPointView(
                p.code(),
                p.creditCode(),
                p.regionCode(),
                p.equipmentType(),
                p.equipmentId(),
                p.equipmentName(),
                p.processUnit(),
                p.metric(),
                p.unit(),
                p.ratedLimit() == null ? null : p.ratedLimit().stripTrailingZeros(),
                p.oel() == null ? null : p.oel().stripTrailingZeros(),
                p.createdAt());
    }
}

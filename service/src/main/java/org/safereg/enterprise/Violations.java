package org.safereg.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Violations of the law found at an enterprise (违法行为), a fact its credit reads. Recorded inside the caller's
 * transaction, so that an inspection result is recorded whole or not at all.
 */
@Component
public class Violations {

    private final EnterpriseRecordsMapper mapper;

    Violations(EnterpriseRecordsMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param lawArticle the article broken, e.g. WSL-102, or null
     * @param penaltyAmount the fine imposed in yuan, or null
     * @param fineMultiple the fine as a multiple of the legal minimum, or null
     * @return the violation's id
     */
    public long record(
            long enterpriseId,
            LocalDate on,
            String description,
            String lawArticle,
            BigDecimal penaltyAmount,
            BigDecimal fineMultiple) {
        Map<String, Object> row = new HashMap<>();
        row.put("enterpriseId", enterpriseId);
        row.put("on", on);
        row.put("description", description);
        row.put("lawArticle", lawArticle);
        row.put("penaltyAmount", penaltyAmount);
        row.put("fineMultiple", fineMultiple);
        mapper.insertViolation(row);
        return ((Number) row.get("id")).longValue();
    }
}

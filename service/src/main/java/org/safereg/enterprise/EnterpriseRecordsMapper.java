package org.safereg.enterprise;

import java.util.Map;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface EnterpriseRecordsMapper {

    /** Inserts {@code row} (enterpriseId, on, description, lawArticle, penaltyAmount, fineMultiple) and puts its id. */
    void insertViolation(Map<String, Object> row);
}

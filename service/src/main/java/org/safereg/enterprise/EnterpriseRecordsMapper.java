package org.safereg.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EnterpriseRecordsMapper {

    void insertViolation(
            @Param("enterpriseId") long enterpriseId,
            @Param("on") LocalDate on,
            @Param("description") String description,
            @Param("lawArticle") String lawArticle,
            @Param("penaltyAmount") BigDecimal penaltyAmount,
            @Param("fineMultiple") BigDecimal fineMultiple);
}

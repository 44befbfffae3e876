package org.safereg.guidance;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface GuidanceMapper {

    record EnterpriseRow(String creditCode, String name, String sector, String regionCode, String regionName) {}

    record RiskRow(String level, String reasons, String firedRules, String ruleSetVersion, Instant evaluatedAt) {}

    EnterpriseRow enterprise(@Param("creditCode") String creditCode);

    RiskRow risk(@Param("creditCode") String creditCode);
}

package org.safereg.enforcement;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EnforcementMapper {

    void insert(@Param("row") EnforcementRow row);

    List<EnforcementRow> byTask(@Param("taskId") long taskId);

    List<EnforcementRow> byEnterprise(@Param("creditCode") String creditCode, @Param("limit") int limit);

    boolean enterpriseExists(@Param("creditCode") String creditCode);
}

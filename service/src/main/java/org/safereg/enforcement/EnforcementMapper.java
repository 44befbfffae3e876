package org.safereg.enforcement;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EnforcementMapper {

    void insert(@Param("row") EnforcementRow row);

    List<EnforcementRow> byTask(@Param("taskId") long taskId);

    List<EnforcementRow> byEnterprise(@Param("creditCode") String creditCode, @Param("limit") int limit);

    /** Stored decisions in id order after {@code afterId}, for impact simulations. */
    List<EnforcementRow> after(@Param("afterId") long afterId, @Param("limit") int limit);

    int count();

    boolean enterpriseExists(@Param("creditCode") String creditCode);
}

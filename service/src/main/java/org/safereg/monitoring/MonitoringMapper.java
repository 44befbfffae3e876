package org.safereg.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MonitoringMapper {

    Long enterpriseIdOf(@Param("creditCode") String creditCode);

    void insertPoint(
            @Param("point") NewMonitoringPoint point,
            @Param("enterpriseId") long enterpriseId,
            @Param("createdAt") Instant createdAt);

    MonitoringPoint findPoint(@Param("id") long id);

    MonitoringPoint findPointByCode(@Param("code") String code);

    List<MonitoringPoint> findPointsByCodes(@Param("codes") Collection<String> codes);

    /** Points in id order after {@code afterId}, optionally of one enterprise. */
    List<MonitoringPoint> listPoints(
            @Param("creditCode") String creditCode, @Param("afterId") long afterId, @Param("limit") int limit);
}

package org.safereg.impact;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ImpactMapper {

    /** Enterprises in id order after {@code afterId}, for impact simulations. */
    List<ImpactEnterprise> enterprisesAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    /** Registered monitoring points, whose latest readings an impact simulation decides. */
    int countPoints();

    int countEnterprises();

    /** Keeps the last impact report of a pair of versions. */
    void saveImpact(
            @Param("version") String version,
            @Param("against") String against,
            @Param("at") Instant at,
            @Param("report") String report);

    /** The last impact report of a pair of versions, as JSON, or null. */
    String impact(@Param("version") String version, @Param("against") String against);
}

package org.safereg.monitoring;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AlarmMapper {

    void insertAlarm(@Param("t") TransitionRow transition);

    void updateAlarm(@Param("t") TransitionRow transition);

    void insertEvent(@Param("t") TransitionRow transition);

    AlarmRow findAlarm(@Param("id") long id);

    AlarmRow findAlarmByEpisode(@Param("pointId") long pointId, @Param("episode") long episode);

    List<AlarmRow> listAlarms(
            @Param("creditCode") String creditCode,
            @Param("regionPrefix") String regionPrefix,
            @Param("level") Integer level,
            @Param("state") String state,
            @Param("from") Instant from,
            @Param("to") Instant to,
            @Param("beforeId") Long beforeId,
            @Param("limit") int limit);

    List<AlarmEventRow> eventsOfPoint(@Param("pointId") long pointId, @Param("limit") int limit);
}

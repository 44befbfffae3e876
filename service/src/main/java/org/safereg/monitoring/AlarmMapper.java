package org.safereg.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AlarmMapper {

    /** With {@code repair}, an episode already recorded is left as it is. */
    int insertAlarm(@Param("t") TransitionRow transition, @Param("repair") boolean repair);

    /** With {@code repair}, an alarm changed later than this transition is left as it is. */
    int updateAlarm(@Param("t") TransitionRow transition, @Param("repair") boolean repair);

    /** With {@code repair}, an event already recorded (same alarm, event and time) is not recorded again. */
    int insertEvent(@Param("t") TransitionRow transition, @Param("repair") boolean repair);

    AlarmRow findAlarm(@Param("id") long id);

    AlarmRow findAlarmByEpisode(@Param("pointId") long pointId, @Param("episode") long episode);

    List<AlarmRow> findAlarmsByEpisodes(@Param("episodes") List<Transition> episodes);

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

    /** Each of these points' latest alarm, if it ever had one. */
    List<LatestAlarm> latestAlarms(@Param("pointIds") Collection<Long> pointIds);

    /** When each of these points raised its last {@code count} alarms, oldest first. */
    List<LatestAlarm.Raise> recentRaises(@Param("latest") List<LatestAlarm> latest, @Param("count") int count);

    List<LatestAlarm.LastReading> lastReadings(@Param("alarmIds") Collection<Long> alarmIds);

    /** Every point in alarm on a process unit, as the unit marks hold them. */
    List<UnitInAlarm> unitMarks();
}

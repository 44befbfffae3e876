package org.safereg.positioning;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PositioningMapper {

    Long enterpriseIdOf(@Param("creditCode") String creditCode);

    void insertArea(
            @Param("area") NewMineArea area,
            @Param("enterpriseId") long enterpriseId,
            @Param("createdAt") Instant createdAt);

    MineArea findAreaByCode(@Param("code") String code);

    List<MineArea> findAreasByCodes(@Param("codes") Collection<String> codes);

    List<MineArea> areasWithDwellLimit();

    // one row each: bulk callers use a BATCH session, which the driver sends as multi-row statements

    void insertEvent(@Param("e") PositionEvent event, @Param("receivedAt") Instant receivedAt);

    void upsertPresence(@Param("r") PresenceRow row);

    void deletePresence(@Param("r") PresenceRow row);

    List<PresenceRow> presenceOf(@Param("areaIds") Collection<Long> areaIds);

    Long alarmIdOf(@Param("point") String point, @Param("episode") long episode);

    Long openAlarmOf(@Param("point") String point);

    /** The credit code of the enterprise an alarm belongs to, or null for no such alarm. */
    String enterpriseOfAlarm(@Param("alarmId") long alarmId);

    List<AlarmPerson> personsOfAlarm(@Param("alarmId") long alarmId);

    void insertAlarmPersons(@Param("rows") List<AlarmPerson> rows);

    record PresenceRow(long areaId, String card, Instant enteredAt) {}
}

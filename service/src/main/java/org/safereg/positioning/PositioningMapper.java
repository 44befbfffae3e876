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

    void insertEvents(@Param("events") List<PositionEvent> events, @Param("receivedAt") Instant receivedAt);

    void upsertPresence(@Param("rows") List<PresenceRow> rows);

    void deletePresence(@Param("rows") List<PresenceRow> rows);

    List<PresenceRow> allPresence();

    Long alarmIdOf(@Param("point") String point, @Param("episode") long episode);

    Long openAlarmOf(@Param("point") String point);

    /** The credit code of the enterprise an alarm belongs to, or null for no such alarm. */
    String enterpriseOfAlarm(@Param("alarmId") long alarmId);

    List<AlarmPerson> personsOfAlarm(@Param("alarmId") long alarmId);

    void insertAlarmPersons(@Param("rows") List<AlarmPerson> rows);

    record PresenceRow(long areaId, String card, Instant enteredAt) {}
}

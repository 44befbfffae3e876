package org.safereg.changes;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ChangesMapper {

    /** The feed's last number, locked until the transaction ends: one sequencer at a time, on any instance. */
    long lockLastSeq();

    /** Entries committed and not numbered yet, in the order they were written. */
    List<Long> unsequenced(@Param("limit") int limit);

    int number(@Param("ids") List<Long> ids, @Param("offset") long offset);

    void setLastSeq(@Param("seq") long seq);

    List<ChangeRow> after(@Param("after") long after, @Param("limit") int limit);
}

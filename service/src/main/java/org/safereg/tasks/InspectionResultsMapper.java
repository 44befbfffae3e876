package org.safereg.tasks;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
interface InspectionResultsMapper {

    record Owned(long enterpriseId, InspectionResultEntry entry) {}

    List<InspectionResultEntry> byRecordNo(@Param("numbers") Collection<String> numbers);

    void upsert(@Param("rows") List<Owned> rows);

    Cursor<InspectionResultEntry> all();
}

package org.safereg.enterprise;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.enterprise.DepartmentEntries.AccidentEntry;
import org.safereg.enterprise.DepartmentEntries.DrillEntry;
import org.safereg.enterprise.DepartmentEntries.EnterpriseEntry;
import org.safereg.enterprise.DepartmentEntries.LicenceEntry;
import org.safereg.enterprise.DepartmentEntries.PenaltyEntry;
import org.safereg.enterprise.DepartmentEntries.TrainingEntry;

/** The register and the departments' facts in bulk: a chunk of entries read or written per statement. */
@Mapper
interface DepartmentFactsMapper {

    /** An entry beside the id of its enterprise, for writing. */
    record Owned<T>(long enterpriseId, T entry) {}

    record CodeId(String creditCode, long id) {}

    record StoredAccident(long id, AccidentEntry entry) {}

    record StoredDrill(long id, DrillEntry entry) {}

    List<CodeId> enterpriseIds(@Param("codes") Collection<String> codes);

    List<String> regionCodes();

    List<EnterpriseEntry> enterprisesByCode(@Param("codes") Collection<String> codes);

    void upsertEnterprises(@Param("rows") List<EnterpriseEntry> rows);

    List<LicenceEntry> licencesByNumber(@Param("numbers") Collection<String> numbers);

    void upsertLicences(@Param("rows") List<Owned<LicenceEntry>> rows);

    List<PenaltyEntry> penaltiesByNumber(@Param("numbers") Collection<String> numbers);

    void upsertPenalties(@Param("rows") List<Owned<PenaltyEntry>> rows);

    List<TrainingEntry> trainingsOf(@Param("enterpriseIds") Collection<Long> enterpriseIds);

    void upsertTrainings(@Param("rows") List<Owned<TrainingEntry>> rows);

    List<StoredAccident> accidentsOf(@Param("enterpriseIds") Collection<Long> enterpriseIds);

    void insertAccidents(@Param("rows") List<Owned<AccidentEntry>> rows);

    void updateAccident(@Param("id") long id, @Param("entry") AccidentEntry entry);

    List<StoredDrill> drillsOf(@Param("enterpriseIds") Collection<Long> enterpriseIds);

    void insertDrills(@Param("rows") List<Owned<DrillEntry>> rows);

    void updateDrill(@Param("id") long id, @Param("completedOn") LocalDate completedOn);

    Cursor<EnterpriseEntry> allEnterprises();

    Cursor<LicenceEntry> allLicences();

    Cursor<PenaltyEntry> allPenalties();

    Cursor<TrainingEntry> allTrainings();

    Cursor<AccidentEntry> allAccidents();

    Cursor<DrillEntry> allDrills();
}

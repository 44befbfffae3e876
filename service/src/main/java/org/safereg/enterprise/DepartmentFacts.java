package org.safereg.enterprise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.enterprise.DepartmentEntries.AccidentEntry;
import org.safereg.enterprise.DepartmentEntries.DrillEntry;
import org.safereg.enterprise.DepartmentEntries.EnterpriseEntry;
import org.safereg.enterprise.DepartmentEntries.LicenceEntry;
import org.safereg.enterprise.DepartmentEntries.PenaltyEntry;
import org.safereg.enterprise.DepartmentEntries.TrainingEntry;
import org.safereg.enterprise.DepartmentFactsMapper.Owned;
import org.safereg.enterprise.DepartmentFactsMapper.StoredAccident;
import org.safereg.enterprise.DepartmentFactsMapper.StoredDrill;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register and the facts other departments hold, in bulk: a chunk of entries is matched to what is stored
 * by its natural key and only what is new or different is written, inside the caller's transaction, so that
 * a whole import commits or nothing of it does. Each call answers what it inserted, updated and left as it
 * was, and whose facts changed. Reading all of a kind streams it through a cursor.
 */
@Component
public class DepartmentFacts {

    private final DepartmentFactsMapper mapper;
    private final TransactionTemplate readOnly;

    DepartmentFacts(DepartmentFactsMapper mapper, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The ids of the enterprises with these credit codes; an unknown code is missing from the answer. */
    public Map<String, Long> enterpriseIds(Collection<String> creditCodes) {
        Map<String, Long> ids = new HashMap<>();
        if (!creditCodes.isEmpty()) {
            mapper.enterpriseIds(new LinkedHashSet<>(creditCodes)).forEach(row -> ids.put(row.creditCode(), row.id()));
        }
        return ids;
    }

    /** Every administrative division code known. */
    public Set<String> regionCodes() {
        return new HashSet<>(mapper.regionCodes());
    }

    public BatchOutcome enterprises(List<EnterpriseEntry> entries) {
        requireTransaction();
        if (entries.isEmpty()) {
            return BatchOutcome.NONE;
        }
        Map<String, EnterpriseEntry> stored = new HashMap<>();
        mapper.enterprisesByCode(
                        entries.stream().map(EnterpriseEntry::creditCode).toList())
                .forEach(e -> stored.put(e.creditCode(), e));
        List<EnterpriseEntry> write = new ArrayList<>();
        int inserted = 0;
        int updated = 0;
        for (EnterpriseEntry entry : entries) {
            EnterpriseEntry before = stored.get(entry.creditCode());
            if (before == null) {
                inserted++;
                write.add(entry);
            } else if (!before.equals(entry)) {
                updated++;
                write.add(entry);
            }
        }
        if (!write.isEmpty()) {
            mapper.upsertEnterprises(write);
        }
        Map<String, Long> ids =
                enterpriseIds(write.stream().map(EnterpriseEntry::creditCode).toList());
        return BatchOutcome.of(inserted, updated, entries.size() - write.size(), ids.values());
    }

    public BatchOutcome licences(List<LicenceEntry> entries) {
        return byUniqueKey(
                entries,
                LicenceEntry::licenceNo,
                LicenceEntry::creditCode,
                mapper::licencesByNumber,
                mapper::upsertLicences);
    }

    public BatchOutcome penalties(List<PenaltyEntry> entries) {
        return byUniqueKey(
                entries,
                PenaltyEntry::decisionNo,
                PenaltyEntry::creditCode,
                mapper::penaltiesByNumber,
                mapper::upsertPenalties);
    }

    public BatchOutcome trainings(List<TrainingEntry> entries) {
        requireTransaction();
        if (entries.isEmpty()) {
            return BatchOutcome.NONE;
        }
        Map<String, Long> ids =
                known(entries.stream().map(TrainingEntry::creditCode).toList());
        Set<TrainingEntry> stored = new HashSet<>(mapper.trainingsOf(ids.values()));
        Set<String> storedKeys = new HashSet<>();
        stored.forEach(t -> storedKeys.add(t.creditCode() + "/" + t.trainingYear()));
        List<Owned<TrainingEntry>> write = new ArrayList<>();
        Set<Long> changed = new HashSet<>();
        int inserted = 0;
        for (TrainingEntry entry : entries) {
            if (stored.contains(entry)) {
                continue;
            }
            if (!storedKeys.contains(entry.creditCode() + "/" + entry.trainingYear())) {
                inserted++;
            }
            long id = ids.get(entry.creditCode());
            write.add(new Owned<>(id, entry));
            changed.add(id);
        }
        if (!write.isEmpty()) {
            mapper.upsertTrainings(write);
        }
        return BatchOutcome.of(inserted, write.size() - inserted, entries.size() - write.size(), changed);
    }

    public BatchOutcome accidents(List<AccidentEntry> entries) {
        requireTransaction();
        if (entries.isEmpty()) {
            return BatchOutcome.NONE;
        }
        Map<String, Long> ids =
                known(entries.stream().map(AccidentEntry::creditCode).toList());
        Map<List<Object>, StoredAccident> stored = new HashMap<>();
        for (StoredAccident row : mapper.accidentsOf(ids.values())) {
            stored.putIfAbsent(accidentKey(row.entry()), row);
        }
        List<Owned<AccidentEntry>> insert = new ArrayList<>();
        Set<Long> changed = new HashSet<>();
        int updated = 0;
        for (AccidentEntry entry : entries) {
            StoredAccident before = stored.get(accidentKey(entry));
            long id = ids.get(entry.creditCode());
            if (before == null) {
                insert.add(new Owned<>(id, entry));
                changed.add(id);
            } else if (!before.entry().equals(entry)) {
                mapper.updateAccident(before.id(), entry);
                updated++;
                changed.add(id);
            }
        }
        if (!insert.isEmpty()) {
            mapper.insertAccidents(insert);
        }
        return BatchOutcome.of(insert.size(), updated, entries.size() - insert.size() - updated, changed);
    }

    public BatchOutcome drills(List<DrillEntry> entries) {
        requireTransaction();
        if (entries.isEmpty()) {
            return BatchOutcome.NONE;
        }
        Map<String, Long> ids =
                known(entries.stream().map(DrillEntry::creditCode).toList());
        Map<List<Object>, StoredDrill> stored = new HashMap<>();
        for (StoredDrill row : mapper.drillsOf(ids.values())) {
            stored.putIfAbsent(drillKey(row.entry()), row);
        }
        List<Owned<DrillEntry>> insert = new ArrayList<>();
        Set<Long> changed = new HashSet<>();
        int updated = 0;
        for (DrillEntry entry : entries) {
            StoredDrill before = stored.get(drillKey(entry));
            long id = ids.get(entry.creditCode());
            if (before == null) {
                insert.add(new Owned<>(id, entry));
                changed.add(id);
            } else if (!Objects.equals(before.entry().completedOn(), entry.completedOn())) {
                mapper.updateDrill(before.id(), entry.completedOn());
                updated++;
                changed.add(id);
            }
        }
        if (!insert.isEmpty()) {
            mapper.insertDrills(insert);
        }
        return BatchOutcome.of(insert.size(), updated, entries.size() - insert.size() - updated, changed);
    }

    /** The natural key of an accident: the enterprise, the day and the grade. */
    public static List<Object> accidentKey(AccidentEntry entry) {
        return List.of(entry.creditCode(), entry.occurredOn(), entry.grade());
    }

    /** The natural key of a drill: the enterprise, the kind and the day planned. */
    public static List<Object> drillKey(DrillEntry entry) {
        return List.of(entry.creditCode(), entry.kind(), entry.plannedOn());
    }

    public void forEachEnterprise(Consumer<EnterpriseEntry> each) {
        stream(mapper::allEnterprises, each);
    }

    public void forEachLicence(Consumer<LicenceEntry> each) {
        stream(mapper::allLicences, each);
    }

    public void forEachPenalty(Consumer<PenaltyEntry> each) {
        stream(mapper::allPenalties, each);
    }

    public void forEachTraining(Consumer<TrainingEntry> each) {
        stream(mapper::allTrainings, each);
    }

    public void forEachAccident(Consumer<AccidentEntry> each) {
        stream(mapper::allAccidents, each);
    }

    public void forEachDrill(Consumer<DrillEntry> each) {
        stream(mapper::allDrills, each);
    }

    private <T> void stream(Supplier<Cursor<T>> query, Consumer<T> each) {
        // the cursor reads from the server as it goes (useCursorFetch); it lives as long as the transaction
        readOnly.executeWithoutResult(status -> {
            try (Cursor<T> cursor = query.get()) {
                cursor.forEach(each);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private <T> BatchOutcome byUniqueKey(
            List<T> entries,
            Function<T, String> key,
            Function<T, String> creditCode,
            Function<Collection<String>, List<T>> storedByKey,
            Consumer<List<Owned<T>>> upsert) {
        requireTransaction();
        if (entries.isEmpty()) {
            return BatchOutcome.NONE;
        }
        Map<String, Long> ids = known(entries.stream().map(creditCode).toList());
        Map<String, T> stored = new HashMap<>();
        storedByKey.apply(entries.stream().map(key).toList()).forEach(e -> stored.put(key.apply(e), e));
        List<Owned<T>> write = new ArrayList<>();
        Set<Long> changed = new HashSet<>();
        int inserted = 0;
        for (T entry : entries) {
            T before = stored.get(key.apply(entry));
            if (entry.equals(before)) {
                continue;
            }
            if (before == null) {
                inserted++;
            } else {
                // a fact moved to another enterprise changes the facts of both
                String previousCode = creditCode.apply(before);
                Long previousOwner = ids.computeIfAbsent(
                        previousCode, code -> enterpriseIds(List.of(code)).get(code));
                if (previousOwner != null) {
                    changed.add(previousOwner);
                }
            }
            long id = ids.get(creditCode.apply(entry));
            write.add(new Owned<>(id, entry));
            changed.add(id);
        }
        if (!write.isEmpty()) {
            upsert.accept(write);
        }
        return BatchOutcome.of(inserted, write.size() - inserted, entries.size() - write.size(), changed);
    }

    private Map<String, Long> known(List<String> creditCodes) {
        Map<String, Long> ids = enterpriseIds(creditCodes);
        for (String code : creditCodes) {
            if (!ids.containsKey(code)) {
                throw new IllegalArgumentException("no enterprise with credit code " + code);
            }
        }
        return ids;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("facts are written in bulk inside the caller's transaction");
        }
    }
}

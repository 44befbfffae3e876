package org.safereg.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.safereg.enterprise.BatchOutcome;
import org.safereg.enterprise.DepartmentFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inspection results other departments report, in bulk: matched by record number, only what is new or
 * different written, inside the caller's transaction; read back as a stream.
 */
@Component
public class InspectionResults {

    private final InspectionResultsMapper mapper;
    private final DepartmentFacts register;
    private final TransactionTemplate readOnly;

    InspectionResults(
            InspectionResultsMapper mapper, DepartmentFacts register, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.register = register;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public BatchOutcome record(List<InspectionResultEntry> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("inspection results are written in bulk inside the caller's transaction");
        }
        if (entries.isEmpty()) {
            return BatchOutcome.NONE;
        }
        Map<String, Long> ids = register.enterpriseIds(
                entries.stream().map(InspectionResultEntry::creditCode).toList());
        Map<String, InspectionResultEntry> stored = new HashMap<>();
        mapper.byRecordNo(entries.stream().map(InspectionResultEntry::recordNo).toList())
                .forEach(e -> stored.put(e.recordNo(), e));
        List<InspectionResultsMapper.Owned> write = new ArrayList<>();
        Set<Long> changed = new HashSet<>();
        int inserted = 0;
        for (InspectionResultEntry entry : entries) {
            InspectionResultEntry before = stored.get(entry.recordNo());
            if (entry.equals(before)) {
                continue;
            }
            Long id = ids.get(entry.creditCode());
            if (id == null) {
                throw new IllegalArgumentException("no enterprise with credit code " + entry.creditCode());
            }
            if (before == null) {
                inserted++;
            } else if (!before.creditCode().equals(entry.creditCode())) {
                changed.addAll(
                        register.enterpriseIds(List.of(before.creditCode())).values());
            }
            write.add(new InspectionResultsMapper.Owned(id, entry));
            changed.add(id);
        }
        if (!write.isEmpty()) {
            mapper.upsert(write);
        }
        return BatchOutcome.of(inserted, write.size() - inserted, entries.size() - write.size(), changed);
    }

    public void forEach(Consumer<InspectionResultEntry> each) {
        readOnly.executeWithoutResult(status -> {
            try (Cursor<InspectionResultEntry> cursor = mapper.all()) {
                cursor.forEach(each);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

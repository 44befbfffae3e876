package org.safereg.credit;

import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.safereg.system.IdList;

/** Reads enterprises' facts a page at a time: one query per fact kind for the page, never one per enterprise. */
class CreditPages {

    private final CreditMapper mapper;
    private final int pageSize;

    CreditPages(CreditMapper mapper, CreditProperties properties) {
        this.mapper = mapper;
        this.pageSize = properties.pageSize();
    }

    /** The next page of every enterprise in id order (keyset paging); empty after the last. */
    CreditPage after(long afterId, CreditWindow window) {
        List<Long> ids = mapper.enterpriseIdsAfter(afterId, pageSize);
        if (ids.isEmpty()) {
            return new CreditPage(List.of(), Map.of(), afterId);
        }
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        return new CreditPage(
                mapper.factsBetween(first, last, window.start(), window.asOf()),
                accidents(mapper.accidentsBetween(first, last, window.accidentsSince(), window.asOf()), window),
                last);
    }

    /** The next page of the enterprises of a city ({@code prefix} of their region code), in id order. */
    CreditPage inRegionAfter(String prefix, long afterId, CreditWindow window) {
        List<Long> ids = mapper.enterpriseIdsInRegionAfter(prefix, afterId, pageSize);
        return ids.isEmpty() ? new CreditPage(List.of(), Map.of(), afterId) : of(ids, window);
    }

    /** These enterprises (at most a page of them; unknown ids are left out). */
    CreditPage of(Collection<Long> ids, CreditWindow window) {
        if (ids.isEmpty()) {
            return new CreditPage(List.of(), Map.of(), 0);
        }
        IdList list = IdList.of(ids);
        List<CreditFactsRow> rows = mapper.factsOf(list, window.start(), window.asOf());
        return new CreditPage(
                rows,
                accidents(mapper.accidentsOf(list, window.accidentsSince(), window.asOf()), window),
                rows.isEmpty() ? 0 : rows.get(rows.size() - 1).enterpriseId());
    }

    int pageSize() {
        return pageSize;
    }

    private static Map<Long, List<Accident>> accidents(List<AccidentRow> rows, CreditWindow window) {
        return rows.stream()
                .map(a -> new Accident(
                        a.enterpriseId(),
                        AccidentGrade.valueOf(a.grade()),
                        (int) ChronoUnit.MONTHS.between(a.occurredOn(), window.asOf()),
                        a.deaths(),
                        a.concealed()))
                .collect(Collectors.groupingBy(Accident::enterpriseId));
    }
}

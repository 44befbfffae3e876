package org.safereg.credit;

import java.util.List;
import java.util.Map;

/** Enterprises with their facts, read together; {@code lastId} is where the next page of a full run starts. */
record CreditPage(List<CreditFactsRow> rows, Map<Long, List<Accident>> accidents, long lastId) {

    boolean isEmpty() {
        return rows.isEmpty();
    }

    List<Accident> accidentsOf(long enterpriseId) {
        return accidents.getOrDefault(enterpriseId, List.of());
    }
}

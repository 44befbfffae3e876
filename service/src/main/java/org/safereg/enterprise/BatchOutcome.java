package org.safereg.enterprise;

import java.util.Collection;
import java.util.Set;

/**
 * What a batch of entries did: how many were new, changed or the same as stored, and the enterprises whose
 * facts changed (whose decisions are due again).
 */
public record BatchOutcome(int inserted, int updated, int unchanged, Set<Long> changedEnterprises) {

    public static final BatchOutcome NONE = new BatchOutcome(0, 0, 0, Set.of());

    public static BatchOutcome of(int inserted, int updated, int unchanged, Collection<Long> changedEnterprises) {
        return new BatchOutcome(inserted, updated, unchanged, Set.copyOf(changedEnterprises));
    }
}

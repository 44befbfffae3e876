package org.safereg.changes;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feed read from a cursor. An entry is written with seq NULL in its decision's transaction; before each
 * read the sequencer numbers the entries committed since its last pass, under the lock of the one row of
 * {@code decision_change_sequence}, each pass above the last. An entry whose transaction commits late is
 * numbered by a later pass, above every number a reader has seen, so following seq never skips it; an id
 * allocated by a transaction that rolled back never becomes an entry, so no reader waits for it.
 */
@Component
class ChangeFeed {

    /** Entries numbered per pass; a pass that leaves more behind is followed by another. */
    static final int PASS = 1000;

    private final ChangesMapper mapper;
    private final TransactionTemplate readCommitted;

    ChangeFeed(ChangesMapper mapper, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.readCommitted = new TransactionTemplate(transactions);
        // each statement sees what has committed by then, not a snapshot from before the lock was granted
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Numbers what has committed (enough passes to fill a page from a backlog), then reads after {@code after}. */
    List<ChangeRow> after(long after, int limit) {
        for (int pass = 0; pass < limit / PASS + 2; pass++) {
            if (sequence() < PASS) {
                break;
            }
        }
        return mapper.after(after, limit);
    }

    /** @return how many entries this pass numbered */
    int sequence() {
        Integer numbered = readCommitted.execute(status -> {
            long last = mapper.lockLastSeq();
            List<Long> ids = mapper.unsequenced(PASS);
            if (ids.isEmpty()) {
                return 0;
            }
            // ids come in order: seq = last + 1 + (id - first), increasing with id and above every earlier pass
            long offset = last + 1 - ids.get(0);
            mapper.number(ids, offset);
            mapper.setLastSeq(ids.get(ids.size() - 1) + offset);
            return ids.size();
        });
        return numbered == null ? 0 : numbered;
    }
}

package org.safereg.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether one read model (a row of {@code read_models}) may be behind MySQL. A write to the store that
 * fails sets the mark in MySQL, where every instance sees it; readers then go to MySQL until a rebuild
 * clears it. Each instance re-reads the mark at most once per {@code checkEvery}, and then also looks for
 * the copy's {@link CopyEpoch}: a copy that the store lost without any write failing is marked stale too.
 * While MySQL does not answer, the last mark known stands, so that the copy keeps serving reads.
 */
final class StaleMark {

    private static final Logger log = LoggerFactory.getLogger(StaleMark.class);

    private final String name;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long checkEveryMillis;
    private final CopyEpoch epoch;
    private volatile boolean stale;
    private volatile long checkedAt;

    StaleMark(String name, JdbcTemplate jdbc, Clock clock, Duration checkEvery, CopyEpoch epoch) {
        this.epoch = epoch;
        this.name = name;
        this.jdbc = jdbc;
        this.clock = clock;
        this.checkEveryMillis = checkEvery.toMillis();
    }

    boolean isStale() {
        long now = System.currentTimeMillis();
        if (now - checkedAt > checkEveryMillis) {
            checkedAt = now;
            try {
                stale = Boolean.TRUE.equals(
                        jdbc.queryForObject("SELECT stale FROM read_models WHERE name = ?", Boolean.class, name));
            } catch (DataAccessException e) {
                log.debug("The {} read model's mark could not be read; the last one known stands", name, e);
                return stale;
            }
            if (!stale && !epoch.present()) {
                mark(new IllegalStateException("the store lost the copy (its epoch key is gone)"));
            }
        }
        return stale;
    }

    /** Whether the read model may be behind MySQL, looked up now (the mark and the copy's epoch). */
    boolean isStaleNow() {
        checkedAt = 0;
        return isStale();
    }

    /** The store missed a write: every instance reads MySQL until the read model is rebuilt. */
    void mark(Exception cause) {
        try {
            record(cause);
        } catch (DataAccessException e) {
            log.warn("The {} read model is stale here; MySQL could not take the mark yet: {}", name, e.getMessage());
        }
    }

    private void record(Exception cause) {
        log.warn(
                "The {} read model missed a write or lost its copy and is marked stale; reads use MySQL until it is"
                        + " rebuilt: {}",
                name,
                cause.getMessage());
        set(true);
    }

    /** The read model was rebuilt from MySQL in full. */
    void clear() {
        epoch.write();
        set(false);
    }

    private void set(boolean value) {
        if (value) {
            // this instance stops trusting the copy at once, even while MySQL cannot take the mark
            stale = true;
            checkedAt = System.currentTimeMillis();
        }
        jdbc.update(
                "UPDATE read_models SET stale = ?, changed_at = ? WHERE name = ?",
                value,
                java.sql.Timestamp.from(Instant.now(clock)),
                name);
        stale = value;
        checkedAt = System.currentTimeMillis();
    }
}

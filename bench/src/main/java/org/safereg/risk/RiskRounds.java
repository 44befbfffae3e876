package org.safereg.risk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The risk half of the partitions benchmark (see credit.PartitionBenchmark): one full run, every result new or
 * every result changed.
 */
@Component
@ConditionalOnProperty("safereg.benchmark.partitions.enterprises")
public class RiskRounds {

    private static final Logger log = LoggerFactory.getLogger(RiskRounds.class);

    private final JdbcTemplate jdbc;
    private final RiskRecompute recompute;

    RiskRounds(JdbcTemplate jdbc, RiskRecompute recompute) {
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    /**
     * Empties the risk history and, unless {@code changed}, the results; with {@code changed} every stored result
     * is made to differ (another level and content hash), so that the next run rewrites each one in place.
     */
    public void prepare(boolean changed) {
        jdbc.update("TRUNCATE TABLE risk_history");
        if (changed) {
            jdbc.update("UPDATE risk_results SET content_hash = CASE content_hash WHEN 0 THEN 1 ELSE 0 END, level ="
                    + " CASE level WHEN 'BLUE' THEN 'YELLOW' ELSE 'BLUE' END");
            awaitPurge();
        } else {
            jdbc.update("TRUNCATE TABLE risk_results");
        }
    }

    /** A full risk recompute; @return the enterprises decided */
    public int run() {
        return recompute.recomputeAll("SCHEDULE").processed();
    }

    /**
     * Waits (at most a minute) until InnoDB has purged what the last bulk update left behind, so that the run
     * measured next does not pay for it.
     */
    public void awaitPurge() {
        long until = System.nanoTime() + 60_000_000_000L;
        try {
            while (System.nanoTime() < until) {
                Long history = jdbc.queryForObject(
                        "SELECT COUNT FROM information_schema.INNODB_METRICS WHERE NAME = 'trx_rseg_history_len'",
                        Long.class);
                if (history == null || history < 1000) {
                    return;
                }
                Thread.sleep(200);
            }
            log.warn("InnoDB's purge did not catch up within a minute; measuring anyway");
        } catch (DataAccessException e) {
            log.warn(
                    "Cannot read InnoDB's history length ({}); measuring without waiting for the purge",
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.safereg.risk;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The risk half of the partitions benchmark (see credit.PartitionBenchmark): one full run, every result new or
 * every result changed.
 */
@Component
@ConditionalOnProperty("safereg.benchmark.partitions.enterprises")
public class RiskRounds {

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
        } else {
            jdbc.update("TRUNCATE TABLE risk_results");
        }
    }

    /** A full risk recompute; @return the enterprises decided */
    public int run() {
        return recompute.recomputeAll("SCHEDULE").processed();
    }
}

package org.safereg.risk;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The risk half of the partitions benchmark (see credit.PartitionBenchmark): one full run, every result new. */
@Component
@ConditionalOnProperty("safereg.benchmark.partitions.enterprises")
public class RiskRounds {

    private final JdbcTemplate jdbc;
    private final RiskRecompute recompute;

    RiskRounds(JdbcTemplate jdbc, RiskRecompute recompute) {
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    /** @return the enterprises decided */
    public int allNew() {
        jdbc.update("TRUNCATE TABLE risk_history");
        jdbc.update("TRUNCATE TABLE risk_results");
        return recompute.recomputeAll("SCHEDULE").processed();
    }
}

package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.SqlSessionTemplate;
import org.safereg.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A BATCH session's rows reach MySQL as multi-row statements prepared on the client: no statement is prepared on
 * the server for a batch (each one used to be, a statement of thousands of placeholders per page of a
 * recompute), and what is written is what was given, text in any script and nulls included.
 */
@IntegrationTest
class ClientPreparedBatchesIntegrationTests {

    interface Probe {
        @Insert("INSERT INTO batch_probe (id, label, score) VALUES (#{id}, #{label}, #{score})")
        void insert(@Param("id") int id, @Param("label") String label, @Param("score") Double score);
    }

    @Autowired
    SqlSessionFactory sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS batch_probe (id INT PRIMARY KEY, label VARCHAR(60), score DOUBLE)"
                + " DEFAULT CHARSET utf8mb4");
        jdbc.update("DELETE FROM batch_probe");
        if (!sessions.getConfiguration().hasMapper(Probe.class)) {
            sessions.getConfiguration().addMapper(Probe.class);
        }
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE IF EXISTS batch_probe");
    }

    @Test
    void aBatchIsWrittenWithoutAStatementPreparedOnTheServer() {
        SqlSessionTemplate batch = new SqlSessionTemplate(sessions, ExecutorType.BATCH);
        Probe probe = batch.getMapper(Probe.class);

        long prepared = new TransactionTemplate(transactions).execute(status -> {
            long before = serverPrepares();
            for (int id = 1; id <= 2500; id++) {
                probe.insert(id, id == 7 ? "危险化学品 'quoted' \\ back" : "row " + id, id == 9 ? null : id / 4.0);
            }
            batch.flushStatements();
            // the same connection: the transaction's
            return serverPrepares() - before;
        });

        assertThat(prepared)
                .as("statements prepared on the server for the batch")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_probe", Integer.class))
                .isEqualTo(2500);
        assertThat(jdbc.queryForList("SELECT label FROM batch_probe WHERE id IN (7, 8) ORDER BY id", String.class))
                .isEqualTo(List.of("危险化学品 'quoted' \\ back", "row 8"));
        assertThat(jdbc.queryForMap("SELECT score FROM batch_probe WHERE id = 9")
                        .get("score"))
                .isNull();
        assertThat(jdbc.queryForObject("SELECT score FROM batch_probe WHERE id = 10", Double.class))
                .isEqualTo(2.5);
    }

    private long serverPrepares() {
        return jdbc.query("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'", rs -> rs.next() ? rs.getLong(2) : -1L);
    }
}

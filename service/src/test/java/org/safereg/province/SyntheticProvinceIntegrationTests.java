package org.safereg.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safereg.enterprise.CreditCodes;
import org.safereg.province.ProvinceProperties.Generate;
import org.safereg.support.RealStores;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small province generated into the real MariaDB/MySQL test database, and once into H2 in MySQL mode. The
 * tables are left empty (the schema migrated) for the test classes that run after this one.
 */
class SyntheticProvinceIntegrationTests {

    private static final int SIZE = 2000;
    private static final long SEED = 20260101L;
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    /** Each table with the columns that make up its content, in primary-key order. */
    private static final Map<String, String> CONTENT = tableContent();

    private static HikariDataSource mysql;
    private static JdbcTemplate jdbc;
    private static SyntheticProvince province;
    private static ProvinceSummary summary;
    private static String digest;

    @BeforeAll
    static void generateIntoTheTestDatabase() {
        Map<String, Object> store = RealStores.properties();
        mysql = new HikariDataSource();
        mysql.setJdbcUrl((String) store.get("spring.datasource.url"));
        mysql.setUsername((String) store.get("spring.datasource.username"));
        mysql.setPassword((String) store.get("spring.datasource.password"));
        mysql.setMaximumPoolSize(2);
        // migrate only: cleaning would pull the schema from under application contexts cached by earlier classes
        Flyway.configure()
                .dataSource(mysql)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(mysql);
        province = new SyntheticProvince(mysql);
        province.clear();
        summary = province.generate(SIZE, SEED, AS_OF);
        digest = digest(jdbc);
    }

    @AfterAll
    static void leaveTheTablesEmpty() {
        if (province != null) {
            province.clear();
        }
        if (mysql != null) {
            mysql.close();
        }
    }

    @Test
    void theSummaryCountsTheRowsWritten() {
        assertThat(summary.enterprises()).isEqualTo(SIZE);
        assertThat(summary.seed()).isEqualTo(SEED);
        assertThat(summary.asOf()).isEqualTo(AS_OF);
        assertThat(summary.regions()).isEqualTo(count("regions"));
        assertThat(summary.hazards()).isEqualTo(count("hazards"));
        assertThat(summary.violations()).isEqualTo(count("violations"));
        assertThat(summary.trainings()).isEqualTo(count("trainings"));
        assertThat(summary.drills()).isEqualTo(count("drills"));
        assertThat(summary.accidents()).isEqualTo(count("accidents"));
        assertThat(summary.totalRows()).isGreaterThan(20L * SIZE);
        assertThat(summary.elapsedMillis()).isPositive();
    }

    @Test
    void theSameArgumentsWriteTheSameRowsIdsIncluded() {
        province.clear();
        ProvinceSummary again = province.generate(SIZE, SEED, AS_OF);

        assertThat(digest(jdbc)).isEqualTo(digest);
        assertThat(again)
                .usingRecursiveComparison()
                .ignoringFields("elapsedMillis")
                .isEqualTo(summary);
    }

    @Test
    void anotherSeedWritesAnotherProvinceOverTheSameRegions() {
        String regions = digestOf(jdbc, "regions");
        province.clear();
        try {
            province.generate(SIZE, SEED + 1, AS_OF);

            assertThat(digest(jdbc)).isNotEqualTo(digest);
            assertThat(digestOf(jdbc, "regions")).isEqualTo(regions);
        } finally {
            province.clear();
            province.generate(SIZE, SEED, AS_OF);
        }
    }

    @Test
    void aDatabaseThatHoldsEnterprisesIsNeverWrittenInto() {
        assertThatThrownBy(() -> province.generate(10, SEED + 2, AS_OF))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds " + SIZE + " enterprises")
                .hasMessageContaining("clear()");
        assertThat(count("enterprises")).isEqualTo(SIZE);
        assertThat(digest(jdbc)).isEqualTo(digest);
    }

    @Test
    void atStartUpARealDatabaseIsFilledOnlyWhenThatIsAskedForExplicitly() {
        province.clear();
        try {
            seeder(Generate.EMBEDDED).run(new DefaultApplicationArguments());
            assertThat(count("enterprises")).isZero();

            seeder(Generate.ALWAYS).run(new DefaultApplicationArguments());
            assertThat(digest(jdbc)).isEqualTo(digest);
        } finally {
            if (count("enterprises") != SIZE) {
                province.clear();
                province.generate(SIZE, SEED, AS_OF);
            }
        }
    }

    @Test
    void everyCreditCodeIsValidUniqueAndCarriesItsCounty() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT credit_code, region_code FROM enterprises");

        assertThat(rows).hasSize(SIZE).allSatisfy(row -> {
            String code = (String) row.get("credit_code");
            assertThat(CreditCodes.describeProblem(code)).as(code).isNull();
            assertThat(code).startsWith("91").contains((String) row.get("region_code"));
            assertThat(code.substring(2, 8)).isEqualTo(row.get("region_code"));
        });
        assertThat(rows.stream().map(row -> row.get("credit_code")).distinct()).hasSize(SIZE);
    }

    @Test
    void theSectorsComeInTheProvincesMix() {
        Map<String, Double> expected = Map.of(
                "HAZARDOUS_CHEMICALS",
                0.25,
                "CONSTRUCTION",
                0.20,
                "OTHER",
                0.35,
                "METAL_SMELTING",
                0.08,
                "NON_COAL_MINE",
                0.08,
                "COAL_MINE",
                0.04);
        Map<String, Double> shares = new LinkedHashMap<>();
        jdbc.query("SELECT sector, COUNT(*) AS n FROM enterprises GROUP BY sector", (ResultSet rs) -> {
            shares.put(rs.getString("sector"), rs.getLong("n") / (double) SIZE);
        });

        assertThat(shares).containsOnlyKeys(expected.keySet());
        expected.forEach(
                (sector, share) -> assertThat(shares.get(sector)).as(sector).isCloseTo(share, within(0.03)));
    }

    @Test
    void enterprisesSitInCountiesOfCitiesOfTheOneProvince() {
        assertThat(jdbc.queryForList("SELECT code FROM regions WHERE level = 'PROVINCE'", String.class))
                .containsExactly("140000");
        assertThat(count("regions WHERE level = 'CITY' AND parent_code = '140000'"))
                .isEqualTo(11);
        assertThat(count("regions c JOIN regions p ON p.code = c.parent_code WHERE c.level = 'COUNTY'"
                        + " AND p.level = 'CITY' AND p.code = CONCAT(SUBSTRING(c.code, 1, 4), '00')"))
                .isEqualTo(count("regions WHERE level = 'COUNTY'"))
                .isBetween(88L, 132L);
        assertThat(count("enterprises e JOIN regions r ON r.code = e.region_code WHERE r.level = 'COUNTY'"))
                .isEqualTo(SIZE);
    }

    @Test
    void enterpriseAttributesHaveTheirDomainsAndTypicalShares() {
        assertThat(count("enterprises WHERE sector IN ('OTHER', 'METAL_SMELTING')"
                        + " AND licence_status <> 'NOT_REQUIRED'"))
                .isZero();
        long licensed = count("enterprises WHERE licence_status <> 'NOT_REQUIRED'");
        assertThat(count("enterprises WHERE licence_status = 'VALID'")).isGreaterThan(licensed * 9 / 10);
        assertThat(count("enterprises WHERE licence_status IN ('SUSPENDED', 'REVOKED', 'NONE')"))
                .isPositive();
        assertThat(count("enterprises WHERE major_hazard_level IS NULL")).isGreaterThan(SIZE * 8L / 10);
        assertThat(count("enterprises WHERE sector = 'HAZARDOUS_CHEMICALS' AND major_hazard_level IS NOT NULL"))
                .isGreaterThan(count("enterprises WHERE sector = 'HAZARDOUS_CHEMICALS'") / 5);
        assertThat(count("enterprises WHERE major_hazard_level NOT BETWEEN 1 AND 4"))
                .isZero();
        assertThat(count("enterprises WHERE standardisation_grade NOT BETWEEN 1 AND 3"))
                .isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT scale FROM enterprises", String.class))
                .containsExactlyInAnyOrder("LARGE", "MEDIUM", "SMALL", "MICRO");
        assertThat(count("enterprises WHERE employees < 1 OR name NOT LIKE '%公司'"))
                .isZero();
    }

    @Test
    void factsAreAsFrequentAsInAProvinceAndDatedInsideTheirWindow() {
        assertThat(summary.hazards() / (double) SIZE).isBetween(5.0, 15.0);
        assertThat(summary.trainings() / (double) SIZE).isBetween(1.8, 2.0);
        assertThat(summary.drills() / (double) SIZE).isBetween(6.0, 10.0);
        assertThat(summary.violations() / (double) SIZE).isBetween(0.3, 2.0);
        // about 2 % of enterprises have a general accident each year
        assertThat(count("accidents WHERE grade = 'GENERAL'") / 3.0 / SIZE).isBetween(0.01, 0.03);
        assertThat(count("hazards WHERE grade = 'MAJOR'") / (double) summary.hazards())
                .isBetween(0.02, 0.12);
        assertThat(count("hazards WHERE source = 'SELF_CHECK'")).isGreaterThan(summary.hazards() / 3);

        String window = " BETWEEN DATE '2023-01-02' AND DATE '2026-01-01'";
        assertThat(count("hazards WHERE found_on NOT" + window + " OR deadline < found_on"
                        + " OR rectified_on < found_on OR rectified_on > DATE '2026-01-01'"
                        + " OR verified_on < rectified_on OR (verified_on IS NOT NULL AND rectified_on IS NULL)"))
                .isZero();
        assertThat(count("violations WHERE occurred_on NOT" + window)).isZero();
        assertThat(count("drills WHERE planned_on NOT" + window + " OR completed_on < planned_on"))
                .isZero();
        assertThat(count("accidents WHERE occurred_on NOT" + window)).isZero();
        assertThat(count("trainings WHERE training_year NOT IN (2024, 2025) OR employees_trained > employees_required"))
                .isZero();
        // posted supervision: a major hazard's deadline is at most a year away
        assertThat(count("hazards WHERE grade = 'MAJOR' AND deadline > found_on + INTERVAL 1 YEAR"))
                .isZero();
    }

    @Test
    void everyVetoOfTheSeriousDishonestyListOccursEvenInASmallProvince() {
        assertThat(count("accidents WHERE grade = 'SERIOUS'"))
                .as("serious accident")
                .isPositive();
        assertThat(count("(SELECT enterprise_id FROM accidents WHERE grade = 'LARGER'"
                        + " AND occurred_on > DATE '2025-01-01' GROUP BY enterprise_id HAVING COUNT(*) >= 2) pairs"))
                .as("two larger accidents in 12 months")
                .isPositive();
        assertThat(count("accidents WHERE concealed")).as("concealed accident").isPositive();
        assertThat(count("violations WHERE law_article = 'WSL-114' AND fine_multiple BETWEEN 2 AND 5"
                        + " AND occurred_on > DATE '2025-01-01'"))
                .as("Art. 114 fine of 2-5 times in 12 months")
                .isPositive();
        assertThat(count("enterprises WHERE licence_status IN ('SUSPENDED', 'REVOKED', 'NONE')"))
                .as("operating without a valid licence")
                .isPositive();
        // rare all the same
        assertThat(count("accidents WHERE grade IN ('SERIOUS', 'LARGER')")).isLessThan(SIZE / 50);
    }

    @Test
    void underTheSeedCreditModelEveryTierIsWellRepresented() {
        Map<Character, Integer> tiers = new LinkedHashMap<>();
        jdbc.query(SEED_MODEL_FACTS, (ResultSet rs) -> {
            tiers.merge(seedModelTier(rs), 1, Integer::sum);
        });

        assertThat(tiers.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SIZE);
        assertThat(tiers.keySet()).containsExactlyInAnyOrder('A', 'B', 'C', 'D');
        tiers.forEach((tier, n) -> assertThat(n).as("tier " + tier).isBetween(SIZE / 20, SIZE / 2));
    }

    @Test
    void h2InMySqlModeGetsTheSameProvince() {
        HikariDataSource h2 = new HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:mem:province;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        h2.setUsername("sa");
        h2.setPassword("");
        try (h2) {
            Flyway.configure()
                    .dataSource(h2)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            SyntheticProvince embedded = new SyntheticProvince(h2);

            ProvinceSummary written = embedded.generate(SIZE, SEED, AS_OF);

            assertThat(written)
                    .usingRecursiveComparison()
                    .ignoringFields("elapsedMillis")
                    .isEqualTo(summary);
            assertThat(digest(new JdbcTemplate(h2))).isEqualTo(digest);
            embedded.clear();
            assertThat(new JdbcTemplate(h2).queryForObject("SELECT COUNT(*) FROM regions", Long.class))
                    .isZero();
        }
    }

    private static ProvinceSeeder seeder(Generate generate) {
        ProvinceProperties properties = new ProvinceProperties(generate, SIZE, SEED, AS_OF);
        return new ProvinceSeeder(province, properties, Clock.systemDefaultZone(), mysql);
    }

    private static long count(String from) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Long.class);
        return n == null ? 0 : n;
    }

    private static Map<String, String> tableContent() {
        Map<String, String> content = new LinkedHashMap<>();
        content.put("regions", "code, name, level, parent_code FROM regions ORDER BY code");
        content.put(
                "enterprises",
                "id, credit_code, name, region_code, sector, scale, employees, major_hazard_level,"
                        + " standardisation_grade, licence_status, created_at FROM enterprises ORDER BY id");
        content.put(
                "hazards",
                "id, enterprise_id, source, grade, description, found_on, deadline, rectified_on,"
                        + " verified_on FROM hazards ORDER BY id");
        content.put(
                "violations",
                "id, enterprise_id, occurred_on, description, law_article, penalty_amount,"
                        + " fine_multiple FROM violations ORDER BY id");
        content.put(
                "trainings",
                "enterprise_id, training_year, employees_required, employees_trained FROM trainings"
                        + " ORDER BY enterprise_id, training_year");
        content.put("drills", "id, enterprise_id, kind, planned_on, completed_on FROM drills ORDER BY id");
        content.put(
                "accidents",
                "id, enterprise_id, occurred_on, grade, deaths, concealed, description"
                        + " FROM accidents ORDER BY id");
        return content;
    }

    /** SHA-256 over every generated row, with values normalised so that MySQL and H2 agree. */
    private static String digest(JdbcTemplate database) {
        StringBuilder all = new StringBuilder();
        for (String table : CONTENT.keySet()) {
            all.append(table).append('=').append(digestOf(database, table)).append(';');
        }
        return all.toString();
    }

    private static String digestOf(JdbcTemplate database, String table) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        database.query("SELECT " + CONTENT.get(table), (ResultSet rs) -> {
            int columns = rs.getMetaData().getColumnCount();
            for (int i = 1; i <= columns; i++) {
                sha.update(normalised(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) (i == columns ? '\n' : '|'));
            }
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String normalised(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof TemporalAccessor t) {
            return t.toString();
        }
        return value.toString();
    }

    /** The seed model's facts for 2025 (DOMAIN.md: 12 months of hazards due, violations and drills). */
    private static final String SEED_MODEL_FACTS =
            """
            SELECT e.id,
                   (SELECT COUNT(*) FROM hazards h WHERE h.enterprise_id = e.id AND h.grade = 'MAJOR'
                       AND h.deadline > DATE '2025-01-01' AND h.deadline <= DATE '2026-01-01') AS due,
                   (SELECT COUNT(*) FROM hazards h WHERE h.enterprise_id = e.id AND h.grade = 'MAJOR'
                       AND h.deadline > DATE '2025-01-01' AND h.deadline <= DATE '2026-01-01'
                       AND h.rectified_on <= h.deadline) AS on_time,
                   (SELECT COUNT(*) FROM violations v WHERE v.enterprise_id = e.id
                       AND v.occurred_on > DATE '2025-01-01') AS violations,
                   (SELECT MAX(employees_required) FROM trainings t WHERE t.enterprise_id = e.id
                       AND t.training_year = 2025) AS required,
                   (SELECT MAX(employees_trained) FROM trainings t WHERE t.enterprise_id = e.id
                       AND t.training_year = 2025) AS trained,
                   (SELECT COUNT(*) FROM drills d WHERE d.enterprise_id = e.id
                       AND d.planned_on > DATE '2025-01-01') AS planned,
                   (SELECT COUNT(completed_on) FROM drills d WHERE d.enterprise_id = e.id
                       AND d.planned_on > DATE '2025-01-01') AS completed
              FROM enterprises e
            """;

    /**
     * The tier the seed credit model (decision-tables/credit-scoring.xlsx as shipped) gives by score alone: the
     * generator's job is that a policy officer trying that model sees every tier, not only A.
     */
    private static char seedModelTier(ResultSet rs) throws SQLException {
        int due = rs.getInt("due");
        double rectification = due == 0 ? 100 : 100.0 * rs.getInt("on_time") / due;
        int violations = rs.getInt("violations");
        int required = rs.getInt("required");
        double training = required == 0 ? 0 : 100.0 * rs.getInt("trained") / required;
        int planned = rs.getInt("planned");
        double drills = planned == 0 ? 0 : 100.0 * rs.getInt("completed") / planned;
        double score = 0.30 * band(rectification, new double[] {100, 95, 90, 80, 60}, new int[] {100, 85, 70, 50, 30})
                + 0.25
                        * (violations == 0
                                ? 100
                                : violations == 1
                                        ? 80
                                        : violations == 2 ? 60 : violations < 5 ? 40 : violations < 10 ? 20 : 0)
                + 0.20 * band(training, new double[] {95, 85, 70, 50}, new int[] {100, 80, 60, 30})
                + 0.25 * band(drills, new double[] {100, 75, 50, 25}, new int[] {100, 75, 50, 25});
        return score >= 90 ? 'A' : score >= 75 ? 'B' : score >= 60 ? 'C' : 'D';
    }

    private static int band(double value, double[] lowerBounds, int[] points) {
        for (int i = 0; i < lowerBounds.length; i++) {
            if (value >= lowerBounds[i]) {
                return points[i];
            }
        }
        return 0;
    }
}

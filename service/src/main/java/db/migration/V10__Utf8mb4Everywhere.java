package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every SafeReg table in utf8mb4, whatever the database was created with. MariaDB's packaged default is
 * latin1, in which Chinese names, descriptions and rule texts cannot be stored; the SQL migrations before
 * this one name no character set (they also run on H2), so on such a database their tables are converted
 * here, and the database's default is set for every table created after. H2 stores Unicode already.
 */
public class V10__Utf8mb4Everywhere extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        if (!product.contains("mysql") && !product.contains("mariadb")) {
            return;
        }
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                                + " AND table_type = 'BASE TABLE' AND table_collation NOT LIKE 'utf8mb4%'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        List<String> dropKeys = new ArrayList<>();
        List<String> addKeys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet keys = statement.executeQuery(
                        "SELECT k.table_name, k.constraint_name, GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position),"
                                + " k.referenced_table_name,"
                                + " GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position),"
                                + " r.update_rule, r.delete_rule"
                                + " FROM information_schema.key_column_usage k"
                                + " JOIN information_schema.referential_constraints r"
                                + " ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name"
                                + " AND r.table_name = k.table_name"
                                + " WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL"
                                + " GROUP BY k.table_name, k.constraint_name, k.referenced_table_name, r.update_rule,"
                                + " r.delete_rule")) {
            while (keys.next()) {
                String table = keys.getString(1);
                String name = keys.getString(2);
                dropKeys.add("ALTER TABLE `" + table + "` DROP FOREIGN KEY `" + name + "`");
                addKeys.add("ALTER TABLE `" + table + "` ADD CONSTRAINT `" + name + "` FOREIGN KEY ("
                        + keys.getString(3) + ") REFERENCES `" + keys.getString(4) + "` (" + keys.getString(5)
                        + ") ON UPDATE " + keys.getString(6) + " ON DELETE " + keys.getString(7));
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            if (tables.isEmpty()) {
                return;
            }
            // the keys between tables join text columns, which must share a character set and cannot change
            // while a key holds them: the keys go, every table is converted, the keys come back as they were
            for (String drop : dropKeys) {
                statement.execute(drop);
            }
            for (String table : tables) {
                statement.execute(
                        "ALTER TABLE `" + table + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            for (String add : addKeys) {
                statement.execute(add);
            }
        }
    }
}

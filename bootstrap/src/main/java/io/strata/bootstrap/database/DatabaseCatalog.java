package io.strata.bootstrap.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Strata's tables as PostgreSQL's catalog describes them, so that backup, restore and reset include every table a
 * migration created (a new context's tables included) without a list to keep up to date. Strata's schema is
 * {@code public}; Flyway's and Strata's schema bookkeeping ({@link #BOOKKEEPING}) is not data.
 */
public final class DatabaseCatalog {

    public static final String SCHEMA = "public";
    public static final Set<String> BOOKKEEPING =
            Set.of(SchemaMigrations.HISTORY_TABLE, SchemaMigrations.ROLLBACK_TABLE);

    private DatabaseCatalog() {}

    /**
     * A table: its columns that hold data (generated columns are computed again on load), the tables its foreign
     * keys point at, and its identity or serial sequences.
     */
    public record Table(
            String name,
            List<String> columns,
            Set<String> references,
            List<String> sequences,
            boolean forcedRowSecurity) {
        public String quotedName() {
            return quote(name);
        }

        public String quotedColumns() {
            return String.join(
                    ", ", columns.stream().map(DatabaseCatalog::quote).toList());
        }
    }

    /** Every data table of the schema, in an order in which each comes after the tables it references. */
    public static List<Table> tables(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, Boolean> forced = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.relname, a.attname, c.relforcerowsecurity
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY c.relname, a.attnum""")) {
            statement.setString(1, SCHEMA);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!BOOKKEEPING.contains(rs.getString(1))) {
                        columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                                .add(rs.getString(2));
                        forced.put(rs.getString(1), rs.getBoolean(3));
                    }
                }
            }
        }
        Map<String, Set<String>> references = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.relname, r.relname
                FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid
                JOIN pg_class r ON r.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE k.contype = 'f' AND n.nspname = ?""")) {
            statement.setString(1, SCHEMA);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(rs.getString(2))) {
                        references
                                .computeIfAbsent(rs.getString(1), t -> new LinkedHashSet<>())
                                .add(rs.getString(2));
                    }
                }
            }
        }
        Map<String, List<String>> sequences = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT t.relname, s.relname
                FROM pg_depend d
                JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                JOIN pg_class t ON t.oid = d.refobjid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE d.deptype IN ('a', 'i') AND n.nspname = ?
                ORDER BY s.relname""")) {
            statement.setString(1, SCHEMA);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sequences
                            .computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        Map<String, Table> byName = new LinkedHashMap<>();
        columns.forEach((name, cols) -> byName.put(
                name,
                new Table(
                        name,
                        List.copyOf(cols),
                        Set.copyOf(references.getOrDefault(name, Set.of())),
                        List.copyOf(sequences.getOrDefault(name, List.of())),
                        forced.get(name))));
        return loadOrder(byName);
    }

    /** Referenced tables first (depth-first); tables in a cycle of foreign keys keep their name order. */
    static List<Table> loadOrder(Map<String, Table> tables) {
        List<Table> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : tables.keySet()) {
            visit(name, tables, done, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(
            String name, Map<String, Table> tables, Set<String> done, Set<String> visiting, List<Table> ordered) {
        Table table = tables.get(name);
        if (table == null || done.contains(name) || !visiting.add(name)) {
            return;
        }
        for (String referenced : new java.util.TreeSet<>(table.references())) {
            visit(referenced, tables, done, visiting, ordered);
        }
        visiting.remove(name);
        done.add(name);
        ordered.add(table);
    }

    /** Rows of a table (exact). */
    public static long rows(Connection connection, Table table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.quotedName())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The rows and an order-independent checksum of a table's content: the sum of a 64-bit hash of each row's text
     * (as {@link #canonicalSettings} prints it), so that a backup and the restored copy, loaded in any order, agree
     * exactly when every row does.
     */
    public static Checksum checksum(Connection connection, Table table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*), coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)" + " FROM "
                                + table.quotedName() + " t")) {
            rs.next();
            return new Checksum(rs.getLong(1), rs.getBigDecimal(2).toPlainString());
        }
    }

    /** A table's row count and content checksum. */
    public record Checksum(long rows, String sum) {}

    /**
     * Session settings that fix how values print as text (dates, times, floats, bytea), for the COPY streams and
     * the checksums: set on the backup's and the restore's transaction alike.
     */
    public static void canonicalSettings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "SELECT set_config('DateStyle', 'ISO, YMD', true), set_config('IntervalStyle', 'postgres', true), "
                            + "set_config('TimeZone', 'UTC', true), set_config('extra_float_digits', '3', true), "
                            + "set_config('bytea_output', 'hex', true), set_config('client_encoding', 'UTF8', true)");
        }
    }

    /** {@code "name"} with embedded quotes doubled. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

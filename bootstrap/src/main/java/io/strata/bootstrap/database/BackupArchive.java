package io.strata.bootstrap.database;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.bootstrap.config.DatabaseSettings;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Strata's backup: one ZIP file holding each data table as PostgreSQL's {@code COPY} text stream
 * ({@code tables/<table>.copy}) and a {@code manifest.json}: the format, Strata's version, the schema version, and per
 * table its columns, rows, content checksum ({@link DatabaseCatalog#checksum}) and the SHA-256 of its stream; and
 * the identity sequences' positions. Written by Strata itself (no {@code pg_dump}: the embedded binaries have none,
 * and a client of another major version cannot dump a 17 server).
 *
 * <ul>
 *   <li>{@link #write}: one {@code REPEATABLE READ, READ ONLY} transaction, so every table is read from one
 *       snapshot while the application keeps writing; each table streams from the server into the archive
 *       (memory stays bounded whatever the size); the file appears under its name only when complete.</li>
 *   <li>{@link #restore}: into a database whose tables are empty, at the manifest's schema version; every table is
 *       loaded in one transaction (referenced tables first, user triggers off, row security not forced meanwhile),
 *       sequences are set, then every table's rows and checksum are compared with the manifest before the commit:
 *       a mismatch or a damaged stream rolls everything back.</li>
 * </ul>
 */
public final class BackupArchive {

    public static final String FORMAT = "strata-backup/1";
    static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private BackupArchive() {}

    public record Manifest(
            String format,
            String strataVersion,
            String createdAt,
            String schemaVersion,
            String postgresVersion,
            List<TableEntry> tables,
            List<SequenceEntry> sequences) {
        public long rows() {
            return tables.stream().mapToLong(TableEntry::rows).sum();
        }
    }

    public record TableEntry(
            String name, String entry, List<String> columns, long rows, String checksum, long bytes, String sha256) {}

    public record SequenceEntry(String name, Long lastValue, boolean isCalled) {}

    /** Called as each table starts ({@code table}) and as rows stream ({@code rows}, a running increment). */
    public interface Listener {
        default void table(String name, long rows) {}

        default void rows(long rows) {}
    }

    // ------------------------------------------------------------------ backup

    /** Writes a backup of {@code database} to {@code file} (replaced when complete); returns its manifest. */
    public static Manifest write(DatabaseSettings database, Path file, String strataVersion, Listener listener)
            throws IOException, SQLException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection connection = database.connect("strata-backup")) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                DatabaseCatalog.canonicalSettings(connection);
                RowSecurity.actAsSystem(connection);
                String schemaVersion = schemaVersion(connection);
                List<DatabaseCatalog.Table> tables = DatabaseCatalog.tables(connection);
                List<DatabaseCatalog.Checksum> checksums = new ArrayList<>();
                for (DatabaseCatalog.Table table : tables) {
                    checksums.add(DatabaseCatalog.checksum(connection, table));
                }
                List<TableEntry> entries = new ArrayList<>();
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                try (ZipOutputStream zip =
                        new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
                    zip.setLevel(Deflater.BEST_SPEED);
                    for (int i = 0; i < tables.size(); i++) {
                        DatabaseCatalog.Table table = tables.get(i);
                        listener.table(table.name(), checksums.get(i).rows());
                        String entry = "tables/" + table.name() + ".copy";
                        zip.putNextEntry(new ZipEntry(entry));
                        CountingOutput counted = new CountingOutput(zip, listener);
                        copy.copyOut(
                                "COPY (SELECT " + table.quotedColumns() + " FROM " + table.quotedName() + ") TO STDOUT",
                                counted);
                        zip.closeEntry();
                        entries.add(new TableEntry(
                                table.name(),
                                entry,
                                table.columns(),
                                checksums.get(i).rows(),
                                checksums.get(i).sum(),
                                counted.bytes,
                                counted.sha256()));
                        if (counted.rows != checksums.get(i).rows()) {
                            throw new IOException("table " + table.name() + " streamed " + counted.rows
                                    + " rows, counted " + checksums.get(i).rows());
                        }
                    }
                    Manifest manifest = new Manifest(
                            FORMAT,
                            strataVersion,
                            Instant.now().toString(),
                            schemaVersion,
                            postgresVersion(connection),
                            entries,
                            sequences(connection, tables));
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    zip.write(JSON.writeValueAsBytes(manifest));
                    zip.closeEntry();
                    zip.finish();
                    connection.commit();
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return manifest;
                }
            } finally {
                if (!connection.isClosed() && !connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static List<SequenceEntry> sequences(Connection connection, List<DatabaseCatalog.Table> tables)
            throws SQLException {
        List<SequenceEntry> sequences = new ArrayList<>();
        for (DatabaseCatalog.Table table : tables) {
            for (String sequence : table.sequences()) {
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery(
                                "SELECT last_value, is_called FROM " + DatabaseCatalog.quote(sequence))) {
                    rs.next();
                    sequences.add(new SequenceEntry(sequence, rs.getLong(1), rs.getBoolean(2)));
                }
            }
        }
        return sequences;
    }

    static String schemaVersion(Connection connection) throws SQLException {
        if (!SchemaMigrations.exists(connection, SchemaMigrations.HISTORY_TABLE)) {
            return null;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version FROM " + SchemaMigrations.HISTORY_TABLE
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String postgresVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ------------------------------------------------------------------ restore

    /** Reads the manifest of a backup. */
    public static Manifest manifest(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IOException(file + " is not a Strata backup (no " + MANIFEST + ")");
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = JSON.readValue(in, Manifest.class);
            }
            if (!FORMAT.equals(manifest.format())) {
                throw new IOException(file + " has format " + manifest.format() + "; this Strata reads " + FORMAT);
            }
            return manifest;
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + " is not a Strata backup: " + e.getMessage(), e);
        }
    }

    /** The data tables that hold rows (a restore needs none). */
    public static List<String> tablesWithRows(Connection connection) throws SQLException {
        List<String> nonEmpty = new ArrayList<>();
        for (DatabaseCatalog.Table table : DatabaseCatalog.tables(connection)) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table.quotedName() + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    nonEmpty.add(table.name());
                }
            }
        }
        return nonEmpty;
    }

    /**
     * Loads every table of the backup into {@code connection}'s database (at the manifest's schema version, tables
     * empty), in one transaction that commits only when every table's rows and checksum match the manifest.
     *
     * @throws IOException  when the archive is damaged (a stream's SHA-256 differs)
     * @throws SQLException when loading fails or the loaded data differ from the manifest (nothing is kept)
     */
    public static void restore(Connection connection, Path file, Manifest manifest, Listener listener)
            throws IOException, SQLException {
        connection.setAutoCommit(false);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            DatabaseCatalog.canonicalSettings(connection);
            RowSecurity.actAsSystem(connection);
            List<DatabaseCatalog.Table> tables = DatabaseCatalog.tables(connection);
            java.util.Map<String, DatabaseCatalog.Table> byName = new java.util.HashMap<>();
            tables.forEach(table -> byName.put(table.name(), table));
            for (TableEntry entry : manifest.tables()) {
                DatabaseCatalog.Table table = byName.get(entry.name());
                if (table == null) {
                    throw new SQLException("the backup has table " + entry.name() + ", which the schema at version "
                            + manifest.schemaVersion() + " does not have");
                }
                if (!table.columns().equals(entry.columns())) {
                    throw new SQLException("table " + entry.name() + " has columns " + table.columns() + " here but "
                            + entry.columns() + " in the backup");
                }
            }
            List<String> indexes = secondaryIndexes(connection);
            try (Statement statement = connection.createStatement()) {
                // an index built once over the loaded rows costs a fraction of one kept up row by row (a trigram
                // index most of all); the same definitions are created again before the commit
                statement.execute("SELECT set_config('maintenance_work_mem', '256MB', true)");
                for (String index : indexes) {
                    statement.execute("DROP INDEX " + index.substring(0, index.indexOf(' ')));
                }
                for (DatabaseCatalog.Table table : tables) {
                    // the backup holds what the triggers made when the rows were written: do not make it twice
                    statement.execute("ALTER TABLE " + table.quotedName() + " DISABLE TRIGGER USER");
                    if (table.forcedRowSecurity()) {
                        statement.execute("ALTER TABLE " + table.quotedName() + " NO FORCE ROW LEVEL SECURITY");
                    }
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (TableEntry entry : manifest.tables()) {
                DatabaseCatalog.Table table = byName.get(entry.name());
                listener.table(entry.name(), entry.rows());
                ZipEntry zipEntry = zip.getEntry(entry.entry());
                if (zipEntry == null) {
                    throw new IOException("the backup has no " + entry.entry());
                }
                try (CountingInput in = new CountingInput(zip.getInputStream(zipEntry), listener)) {
                    copy.copyIn("COPY " + table.quotedName() + " (" + table.quotedColumns() + ") FROM STDIN", in);
                    if (!in.sha256().equals(entry.sha256()) || in.bytes != entry.bytes()) {
                        throw new IOException("the backup's " + entry.entry()
                                + " is damaged (its SHA-256 differs from the manifest's)");
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (String index : indexes) {
                    statement.execute(index.substring(index.indexOf(' ') + 1));
                }
                for (SequenceEntry sequence : manifest.sequences()) {
                    statement.execute("SELECT setval('"
                            + DatabaseCatalog.quote(sequence.name()).replace("'", "''") + "', " + sequence.lastValue()
                            + ", " + sequence.isCalled() + ")");
                }
            }
            for (TableEntry entry : manifest.tables()) {
                DatabaseCatalog.Checksum loaded = DatabaseCatalog.checksum(connection, byName.get(entry.name()));
                if (loaded.rows() != entry.rows() || !loaded.sum().equals(entry.checksum())) {
                    throw new SQLException("table " + entry.name() + " restored " + loaded.rows()
                            + " rows with checksum " + loaded.sum() + ", the backup says " + entry.rows()
                            + " rows with checksum " + entry.checksum());
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (DatabaseCatalog.Table table : tables) {
                    statement.execute("ALTER TABLE " + table.quotedName() + " ENABLE TRIGGER USER");
                    if (table.forcedRowSecurity()) {
                        statement.execute("ALTER TABLE " + table.quotedName() + " FORCE ROW LEVEL SECURITY");
                    }
                }
            }
            connection.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * The schema's indexes that no constraint owns or uses (primary keys, unique constraints and the indexes foreign
     * keys reference stay), each as its quoted name, a space, and its {@code CREATE INDEX} statement.
     */
    private static List<String> secondaryIndexes(Connection connection) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT format('%I.%I', n.nspname, c.relname), pg_get_indexdef(i.indexrelid)"
                                + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname = current_schema()"
                                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
                                + " ORDER BY 1")) {
            while (rs.next()) {
                indexes.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return indexes;
    }

    // ------------------------------------------------------------------ streams

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts bytes and rows (COPY text: one line per row, newlines inside values are escaped) and hashes. */
    private static final class CountingOutput extends FilterOutputStream {
        private final MessageDigest digest = sha256Digest();
        private final Listener listener;
        long bytes;
        long rows;

        CountingOutput(OutputStream out, Listener listener) {
            super(out);
            this.listener = listener;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
            long lines = newlines(b, off, len);
            rows += lines;
            if (lines > 0) {
                listener.rows(lines);
            }
        }

        @Override
        public void close() {
            // the archive stays open for the next table
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static final class CountingInput extends FilterInputStream {
        private final MessageDigest digest = sha256Digest();
        private final Listener listener;
        long bytes;

        CountingInput(InputStream in, Listener listener) {
            super(in);
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                bytes += n;
                long lines = newlines(b, off, n);
                if (lines > 0) {
                    listener.rows(lines);
                }
            }
            return n;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static long newlines(byte[] b, int off, int len) {
        long lines = 0;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }
}

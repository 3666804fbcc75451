package io.strata.bootstrap.cli;

import io.strata.bootstrap.database.BackupArchive;
import io.strata.bootstrap.database.SchemaMigrations;
import io.strata.bootstrap.runtime.DatabaseTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code strata db restore FILE}: into a database whose tables hold no rows (a new one, or after
 * {@code db reset --empty}): migrates it to the backup's schema version, loads every table in one transaction that
 * commits only when each table's rows and checksum match the manifest ({@link BackupArchive#restore}), migrates to
 * the latest version, then runs {@code db verify}'s checks. A database with rows, or with a schema newer than the
 * backup's, is refused with nothing changed. stdout: one {@code restored <table> <rows> rows} line per table, the
 * summary, then verify's lines. Exit status 1 when verify finds anything (the data stay restored).
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Load a backup written by db backup into an empty database (one transaction, rows and checksums "
                    + "verified), migrate to the latest version and run db verify. Refused when a table holds rows."
        })
public final class RestoreCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(paramLabel = "FILE", description = "an archive written by strata db backup")
    Path file;

    public RestoreCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("cannot read " + file + ": no such file");
        }
        BackupArchive.Manifest manifest;
        try {
            manifest = BackupArchive.manifest(file);
        } catch (IOException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        DatabaseTarget database = DatabaseTarget.open(cli.env());
        long started;
        try {
            SchemaMigrations migrations = new SchemaMigrations(database.owner());
            SchemaMigrations.Status status = migrations.info();
            String backupVersion = manifest.schemaVersion();
            if (backupVersion != null
                    && status.migrations().stream().noneMatch(e -> e.version().equals(backupVersion))) {
                throw new CommandFailure("the backup is of schema version " + backupVersion
                        + ", which this Strata does " + "not know (a newer Strata wrote it); nothing was changed");
            }
            try (SchemaMigrations.SchemaLock lock = SchemaMigrations.SchemaLock.acquire(database.owner());
                    Connection connection = lock.connection()) {
                List<String> withRows = BackupArchive.tablesWithRows(connection);
                if (!withRows.isEmpty()) {
                    throw new CommandFailure(
                            "refused: the database is not empty ("
                                    + String.join(", ", withRows.subList(0, Math.min(5, withRows.size())))
                                    + (withRows.size() > 5 ? ", ..." : "") + " hold rows); restore "
                                    + "into a new database, or empty this one with strata db reset --empty; nothing was changed");
                }
            }
            if (status.currentVersion() != null
                    && backupVersion != null
                    && MigrationVersion.fromVersion(status.currentVersion())
                                    .compareTo(MigrationVersion.fromVersion(backupVersion))
                            > 0) {
                throw new CommandFailure("refused: the database's schema is at version " + status.currentVersion()
                        + ", newer than the backup's " + backupVersion + "; empty it with strata db reset --empty first"
                        + " (nothing was changed)");
            }
            started = System.nanoTime();
            if (backupVersion != null) {
                migrations.migrate(backupVersion);
            }
            TableProgress progress = new TableProgress(cli, "restore");
            try (SchemaMigrations.SchemaLock lock = SchemaMigrations.SchemaLock.acquire(database.owner());
                    Connection connection = lock.connection()) {
                BackupArchive.restore(connection, file, manifest, progress);
            } catch (IOException | SQLException e) {
                throw new CommandFailure("restore failed, nothing was kept: " + e.getMessage(), e);
            } finally {
                progress.close();
            }
            long nanos = System.nanoTime() - started;
            for (BackupArchive.TableEntry table : manifest.tables()) {
                cli.out().println("restored " + table.name() + " " + table.rows() + " rows");
            }
            cli.out()
                    .println("restore " + file + ": " + manifest.rows() + " rows of schema version "
                            + MigrateCommand.orEmpty(backupVersion) + " in " + nanos / 1_000_000 + " ms ("
                            + Progress.rowsPerSecond(manifest.rows(), nanos)
                            + " rows/s), rows and checksums match the backup");
            SchemaMigrations.Migrated migrated = migrations.migrate();
            if (!migrated.applied().isEmpty()) {
                cli.out()
                        .println("migrated to schema version " + migrated.to() + " ("
                                + migrated.applied().size() + " applied)");
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        cli.out().flush();
        List<VerifyCommand.Finding> findings = VerifyCommand.verify(database, 20);
        long failed = findings.stream().filter(f -> !f.problems().isEmpty()).count();
        for (VerifyCommand.Finding finding : findings) {
            cli.out().println((finding.problems().isEmpty() ? "ok      " : "FAILED  ") + finding.check());
            finding.problems().forEach(problem -> cli.out().println("        " + problem));
        }
        cli.out()
                .println(
                        failed == 0
                                ? "verified: " + findings.size() + " checks passed"
                                : "verify: " + failed + " of " + findings.size() + " checks FAILED");
        cli.out().flush();
        return failed == 0 ? StrataCli.EXIT_OK : StrataCli.EXIT_FAILURE;
    }
}

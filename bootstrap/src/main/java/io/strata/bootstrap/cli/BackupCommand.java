package io.strata.bootstrap.cli;

import io.strata.bootstrap.database.BackupArchive;
import io.strata.bootstrap.runtime.DatabaseTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code strata db backup FILE}: a consistent snapshot of every data table (one repeatable-read transaction, so
 * the API may keep writing) in one compressed archive with a manifest, see {@link BackupArchive}. Progress on
 * stderr; stdout: one {@code backed up <table> <rows> rows} line per table, then {@code backup <file>: <rows> rows
 * of schema version <v> in <ms> ms (<rows/s> rows/s, <bytes> bytes)}.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Write every table into FILE (a ZIP of COPY streams with a manifest: schema version, rows and "
                    + "checksums per table, Strata's version), from one consistent snapshot; the API may keep running."
        })
public final class BackupCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(paramLabel = "FILE", description = "the archive to write (replaced when complete)")
    Path file;

    public BackupCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException, SQLException {
        Path target = file.toAbsolutePath();
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new CommandFailure("cannot write " + file + ": no directory " + target.getParent());
        }
        try (DatabaseTarget database = DatabaseTarget.open(cli.env())) {
            long started = System.nanoTime();
            TableProgress progress = new TableProgress(cli, "backup");
            BackupArchive.Manifest manifest;
            try {
                manifest = BackupArchive.write(database.owner(), target, StrataVersion.current(), progress);
            } finally {
                progress.close();
            }
            long nanos = System.nanoTime() - started;
            for (BackupArchive.TableEntry table : manifest.tables()) {
                cli.out().println("backed up " + table.name() + " " + table.rows() + " rows");
            }
            cli.out()
                    .println("backup " + file + ": " + manifest.rows() + " rows of schema version "
                            + MigrateCommand.orEmpty(manifest.schemaVersion()) + " in " + nanos / 1_000_000 + " ms ("
                            + Progress.rowsPerSecond(manifest.rows(), nanos) + " rows/s, " + Files.size(target)
                            + " bytes)");
            cli.out().flush();
            return StrataCli.EXIT_OK;
        }
    }
}

package io.strata.bootstrap.cli;

import io.strata.bootstrap.database.SchemaMigrations;
import io.strata.bootstrap.runtime.DatabaseTarget;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code strata db info}: the database, the current schema version, how many migrations are pending, then every
 * migration this Strata knows or the database has applied: version, state (applied, pending, failed; missing for
 * one applied but unknown here, future for one applied by a newer Strata), when and by whom, how long it took,
 * whether it has a rollback script.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Show the schema version, the pending migrations and the applied ones with their times.")
public final class InfoCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Cli cli;

    public InfoCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        try (DatabaseTarget database = DatabaseTarget.open(cli.env())) {
            SchemaMigrations.Status status = new SchemaMigrations(database.owner()).info();
            cli.out()
                    .println("database  " + database.owner().displayUrl()
                            + (database.isEmbedded() ? " (embedded)" : ""));
            cli.out()
                    .println("version   "
                            + (status.currentVersion() == null
                                    ? "none (empty schema)"
                                    : status.currentVersion() + " (" + status.currentDescription() + ")"));
            cli.out()
                    .println("pending   " + status.pending().size()
                            + (status.failed().isEmpty()
                                    ? ""
                                    : "; FAILED: " + status.failed().size()));
            cli.out().println();
            Table table = new Table("VERSION", "STATE", "INSTALLED AT", "BY", "MS", "ROLLBACK", "DESCRIPTION");
            for (SchemaMigrations.Entry entry : status.migrations()) {
                table.row(
                        entry.version(),
                        entry.state(),
                        time(entry.installedOn()),
                        entry.installedBy(),
                        entry.executionMs(),
                        entry.rollbackScript().isPresent() ? "yes" : "no",
                        entry.description());
            }
            table.print(cli.out());
            return StrataCli.EXIT_OK;
        }
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}

package io.strata.bootstrap.cli;

import io.strata.bootstrap.database.SchemaMigrations;
import io.strata.bootstrap.runtime.DatabaseTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code strata db history}: every migration applied (or failed) and every rollback, oldest first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Show every schema change in order: migrations applied or failed, and rollbacks.")
public final class HistoryCommand implements Callable<Integer> {

    private final Cli cli;

    public HistoryCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        try (DatabaseTarget database = DatabaseTarget.open(cli.env())) {
            Table table = new Table("AT", "EVENT", "VERSION", "BY", "MS", "DESCRIPTION");
            for (SchemaMigrations.HistoryEntry entry : new SchemaMigrations(database.owner()).history()) {
                table.row(
                        InfoCommand.time(entry.at()),
                        entry.event(),
                        entry.version(),
                        entry.by(),
                        entry.executionMs(),
                        entry.description());
            }
            table.print(cli.out());
            return StrataCli.EXIT_OK;
        }
    }
}

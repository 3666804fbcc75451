package io.strata.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strata db <command>}: the database commands. */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = {"Manage the database: the embedded one under STRATA_DATA_DIR, or STRATA_DB_URL's."},
        subcommands = {
            MigrateCommand.class,
            InfoCommand.class,
            HistoryCommand.class,
            RollbackCommand.class,
            SeedCommand.class,
            VerifyCommand.class,
            ResetCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            CommandLine.HelpCommand.class
        })
public final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "a command is needed: "
                        + String.join(
                                ", ",
                                spec.subcommands().keySet().stream()
                                        .filter(name -> !name.equals("help"))
                                        .toList()));
    }
}

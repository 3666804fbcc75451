package io.strata.bootstrap.cli;

import io.strata.bootstrap.database.SchemaMigrations;
import io.strata.bootstrap.runtime.DatabaseTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata db rollback [--to V | --steps N]}: runs the rollback scripts ({@code db/rollback/U<n>__*.sql}, each
 * proven by a test to restore the schema exactly) of the newest versions, newest first, in one transaction, under
 * the schema lock. Refused, with nothing done, when a version in the range has no rollback script (or is unknown
 * to this Strata) or failed. A rollback drops what its migration created, data included: back up first.
 * stdout: one {@code rolled back V<n> <description> (<ms> ms)} line per version, then {@code schema version <n>
 * (was <m>)}.
 */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Undo the newest migrations with their rollback scripts (default: one step), in one transaction.",
            "Drops what those migrations created, data included: back up first."
        })
public final class RollbackCommand implements Callable<Integer> {

    private final Cli cli;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    static final class Target {
        @Option(
                names = "--to",
                paramLabel = "V",
                required = true,
                description = "roll back every version above V (0: all of them)")
        String to;

        @Option(names = "--steps", paramLabel = "N", required = true, description = "roll back the N newest versions")
        Integer steps;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public RollbackCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (target != null && target.steps != null && target.steps < 1) {
            throw new UsageException("--steps must be at least 1, got " + target.steps);
        }
        if (target != null && target.to != null && !target.to.matches("[0-9]+(\\.[0-9]+)*")) {
            throw new UsageException("--to must be a version such as 3, got '" + target.to + "'");
        }
        try (DatabaseTarget database = DatabaseTarget.open(cli.env())) {
            SchemaMigrations migrations = new SchemaMigrations(database.owner());
            SchemaMigrations.RolledBack rolledBack;
            try {
                rolledBack = target != null && target.to != null
                        ? migrations.rollbackTo(target.to)
                        : migrations.rollbackSteps(target == null ? 1 : target.steps);
            } catch (SchemaMigrations.RollbackRefused refused) {
                throw new CommandFailure(refused.getMessage(), refused);
            }
            for (SchemaMigrations.Version version : rolledBack.rolledBack()) {
                cli.out().println("rolled back " + version.label() + " (" + version.executionMs() + " ms)");
            }
            cli.out()
                    .println(
                            rolledBack.rolledBack().isEmpty()
                                    ? "nothing to roll back: schema version " + MigrateCommand.orEmpty(rolledBack.to())
                                    : "schema version " + MigrateCommand.orEmpty(rolledBack.to()) + " (was "
                                            + MigrateCommand.orEmpty(rolledBack.from()) + ")");
            cli.out().flush();
            return StrataCli.EXIT_OK;
        }
    }
}

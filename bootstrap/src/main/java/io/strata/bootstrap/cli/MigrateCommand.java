package io.strata.bootstrap.cli;

import io.strata.bootstrap.database.SchemaMigrations;
import io.strata.bootstrap.runtime.DatabaseTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata db migrate [--target V]}: applies the pending migrations as the schema owner, under the schema lock
 * (so it may run next to starting instances). stdout: one {@code applied V<n> <description> (<ms> ms)} line per
 * migration, then {@code schema version <n> (was <m>)}, or {@code schema is up to date at version <n>}.
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply the pending migrations (serve does this on start unless STRATA_MIGRATE=false).")
public final class MigrateCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--target", paramLabel = "V", description = "stop at version V (default: the latest)")
    String target;

    public MigrateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        try (DatabaseTarget database = DatabaseTarget.open(cli.env())) {
            SchemaMigrations.Migrated migrated = new SchemaMigrations(database.owner()).migrate(target);
            for (SchemaMigrations.Version version : migrated.applied()) {
                cli.out().println("applied " + version.label() + " (" + version.executionMs() + " ms)");
            }
            if (migrated.applied().isEmpty()) {
                cli.out().println("schema is up to date at version " + orEmpty(migrated.to()));
            } else {
                cli.out()
                        .println(
                                "schema version " + orEmpty(migrated.to()) + " (was " + orEmpty(migrated.from()) + ")");
            }
            cli.out().flush();
            return StrataCli.EXIT_OK;
        }
    }

    static String orEmpty(String version) {
        return version == null || version.isBlank() || version.equals("<< Empty Schema >>") ? "none" : version;
    }
}

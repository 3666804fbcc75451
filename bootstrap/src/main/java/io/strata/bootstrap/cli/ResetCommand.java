package io.strata.bootstrap.cli;

import io.strata.bootstrap.database.DatabaseCatalog;
import io.strata.bootstrap.database.SchemaMigrations;
import io.strata.bootstrap.runtime.DatabaseTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata db reset [--force] [--empty]}: drops Strata's schema ({@code public}: every table, row, function
 * and extension in it), re-creates it as a new database has it, then migrates to the latest version (or, with
 * {@code --empty}, leaves it empty, e.g. for {@code db restore} of an older backup). Under the schema lock, in one
 * transaction. Refused unless the database is the embedded default or {@code --force} is given.
 */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = {
            "Drop every table and row of Strata's schema and migrate it again (in one transaction).",
            "Refused on STRATA_DB_URL's database unless --force is given."
        })
public final class ResetCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--force", description = "reset a database other than the embedded default")
    boolean force;

    @Option(names = "--empty", description = "leave the schema empty (no migrations), e.g. for db restore")
    boolean empty;

    public ResetCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws SQLException {
        if (!force && !cli.env().getOrDefault("STRATA_DB_URL", "").isBlank()) {
            throw new CommandFailure("refused: STRATA_DB_URL is set, so this is not the embedded default database; "
                    + "give --force to drop every table and row of " + redacted(cli) + " (nothing was changed)");
        }
        try (DatabaseTarget database = DatabaseTarget.open(cli.env())) {
            long tables;
            long rows = 0;
            try (SchemaMigrations.SchemaLock lock = SchemaMigrations.SchemaLock.acquire(database.owner());
                    Connection connection = lock.connection()) {
                List<DatabaseCatalog.Table> existing = DatabaseCatalog.tables(connection);
                tables = existing.size();
                connection.setAutoCommit(false);
                for (DatabaseCatalog.Table table : existing) {
                    rows += DatabaseCatalog.rows(connection, table);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + DatabaseCatalog.SCHEMA + " CASCADE");
                    // as CREATE DATABASE makes it (PostgreSQL 15+): owned by the database owner, usable by all
                    statement.execute("CREATE SCHEMA " + DatabaseCatalog.SCHEMA + " AUTHORIZATION pg_database_owner");
                    statement.execute("GRANT USAGE ON SCHEMA " + DatabaseCatalog.SCHEMA + " TO PUBLIC");
                    statement.execute("COMMENT ON SCHEMA " + DatabaseCatalog.SCHEMA + " IS 'standard public schema'");
                }
                connection.commit();
            }
            cli.out()
                    .println("dropped " + tables + " tables (" + rows + " rows) of "
                            + database.owner().displayUrl());
            if (!empty) {
                SchemaMigrations.Migrated migrated = new SchemaMigrations(database.owner()).migrate();
                cli.out()
                        .println("schema version " + MigrateCommand.orEmpty(migrated.to()) + " ("
                                + migrated.applied().size() + " migrations applied)");
            } else {
                cli.out().println("schema left empty");
            }
            cli.out().flush();
            return StrataCli.EXIT_OK;
        }
    }

    private static String redacted(Cli cli) {
        try {
            return io.strata.bootstrap.config.DatabaseSettings.fromEnvironment(cli.env())
                    .map(s -> s.displayUrl())
                    .orElse("it");
        } catch (IllegalArgumentException e) {
            return "it";
        }
    }
}

package io.strata.bootstrap.cli;

import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.application.shared.InvariantQueries;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.database.SchemaMigrations;
import io.strata.bootstrap.runtime.DatabaseTarget;
import io.strata.bootstrap.runtime.StrataRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hibernate.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata db verify}: checks, without writing anything, that
 * <ol>
 *   <li>the applied migrations are this Strata's (Flyway's validate: none changed or missing) and none is pending;</li>
 *   <li>the schema fits the entities (Hibernate's schema validation);</li>
 *   <li>the data keeps the invariants the database cannot express: every {@link InvariantCheck} bean, contributed
 *       by each context (see docs/extending.md), each in a read-only transaction.</li>
 * </ol>
 * stdout: one {@code ok} or {@code FAILED} line per check, each violation indented under its check, then a
 * summary. Exit status 0 when everything holds, 1 on any finding.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check the schema (Flyway validate, Hibernate validate) and the invariants of the data that "
                    + "the database cannot express; print each finding. Writes nothing.",
            "Exit status 0 when everything holds, 1 on any finding."
        })
public final class VerifyCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "violations shown per invariant (default ${DEFAULT-VALUE})")
    int limit;

    public VerifyCommand(Cli cli) {
        this.cli = cli;
    }

    /** One check's outcome. */
    public record Finding(String check, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, got " + limit);
        }
        List<Finding> findings = verify(DatabaseTarget.open(cli.env()), limit);
        long failed = 0;
        for (Finding finding : findings) {
            cli.out().println((finding.ok() ? "ok      " : "FAILED  ") + finding.check());
            for (String problem : finding.problems()) {
                cli.out().println("        " + problem);
            }
            failed += finding.ok() ? 0 : 1;
        }
        cli.out()
                .println(
                        failed == 0
                                ? "verified: " + findings.size() + " checks passed"
                                : "verify: " + failed + " of " + findings.size() + " checks FAILED");
        cli.out().flush();
        return failed == 0 ? StrataCli.EXIT_OK : StrataCli.EXIT_FAILURE;
    }

    /** Runs every check on {@code database} (closed afterwards). Also what {@code db restore} runs. */
    public static List<Finding> verify(DatabaseTarget database, int limit) {
        List<Finding> findings = new ArrayList<>();
        SchemaMigrations migrations = new SchemaMigrations(database.owner());
        SchemaMigrations.Status status;
        try {
            status = migrations.info();
            List<String> problems = new ArrayList<>(migrations.validate());
            if (!status.pending().isEmpty()) {
                problems.add(status.pending().size() + " migration(s) pending, from V"
                        + status.pending().get(0).version() + ": run strata db migrate");
            }
            findings.add(new Finding(
                    "flyway: the applied migrations are this Strata's, none pending (schema version "
                            + MigrateCommand.orEmpty(status.currentVersion()) + ")",
                    problems));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        // the context without migrating, validating or background jobs: verify writes nothing
        Map<String, Object> properties = Map.of(
                "jpa.default.properties.hibernate.hbm2ddl.auto", "none",
                "micronaut.health.monitor.enabled", false,
                "strata.jobs.enabled", false);
        try (StrataRuntime runtime = StrataRuntime.start(database, new String[0], properties, false)) {
            findings.add(hibernate(runtime));
            InvariantQueries invariants = runtime.context().getBean(InvariantQueries.class);
            for (String check : invariants.names()) {
                List<String> problems;
                try {
                    // every user's rows: Strata's own work (row-level security)
                    problems = RowSecurity.actingAs(
                            RowSecurity.Acting.SYSTEM_WORK, () -> invariants.violations(check, limit));
                } catch (RuntimeException e) {
                    problems = List.of("the check failed: " + StartupFailure.describe(e));
                }
                findings.add(new Finding(check, problems));
            }
        }
        return findings;
    }

    private static Finding hibernate(StrataRuntime runtime) {
        String name = "hibernate: the schema fits the entities";
        try {
            runtime.context().getBean(SessionFactory.class).getSchemaManager().validateMappedObjects();
            return new Finding(name, List.of());
        } catch (RuntimeException e) {
            return new Finding(name, List.of(StartupFailure.describe(e)));
        }
    }
}

package io.strata.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.testing.CatalogSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every migration's rollback script is proven, one test per version, found by itself (a new {@code V<n>} is covered
 * the moment it exists): on one database, in version order, apply N and read the schema from the catalog
 * ({@link CatalogSnapshot}: tables, columns, types, defaults, constraints, indexes, policies, triggers, functions,
 * grants), roll N back with {@code db rollback}'s code and find exactly the schema of N-1, apply N again and find
 * exactly the schema of the first apply.
 */
class RollbackProofTest {

    @TestFactory
    Stream<DynamicTest> everyMigrationRollsBackToThePreviousSchemaAndAppliesAgainIdentically() {
        String url = TestPostgres.createFreshDatabase();
        DatabaseSettings owner = new DatabaseSettings(url, TestPostgres.USERNAME, TestPostgres.PASSWORD);
        SchemaMigrations migrations = new SchemaMigrations(owner);
        List<String> versions = migrations.info().pending().stream()
                .map(SchemaMigrations.Entry::version)
                .toList();
        assertThat(versions).isNotEmpty();
        List<List<String>> previous = new ArrayList<>();
        previous.add(snapshot(url));
        return versions.stream()
                .map(version -> DynamicTest.dynamicTest("V" + version, () -> {
                    long t0 = System.nanoTime();
                    assertThat(migrations.migrate(version).applied())
                            .extracting(SchemaMigrations.Version::version)
                            .containsExactly(version);
                    long t1 = System.nanoTime();
                    List<String> applied = snapshot(url);
                    long t2 = System.nanoTime();
                    assertThat(migrations.rollbackSteps(1).rolledBack())
                            .extracting(SchemaMigrations.Version::version)
                            .as("V%s has a rollback script", version)
                            .containsExactly(version);
                    assertThat(snapshot(url))
                            .as("the schema after rolling V%s back is that of the version before", version)
                            .containsExactlyElementsOf(previous.get(previous.size() - 1));
                    long t3 = System.nanoTime();
                    migrations.migrate(version);
                    long t4 = System.nanoTime();
                    System.out.printf(
                            "V%s migrate %d ms, snapshot %d ms, rollback+snapshot %d ms, migrate %d ms%n",
                            version,
                            (t1 - t0) / 1_000_000,
                            (t2 - t1) / 1_000_000,
                            (t3 - t2) / 1_000_000,
                            (t4 - t3) / 1_000_000);
                    assertThat(snapshot(url))
                            .as("V%s applied again gives the schema of its first apply", version)
                            .containsExactlyElementsOf(applied);
                    previous.add(applied);
                }));
    }

    private static List<String> snapshot(String url) {
        try (Connection connection = TestPostgres.connect(url)) {
            return CatalogSnapshot.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

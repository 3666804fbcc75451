package io.strata.bootstrap.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * What every start does: {@link SchemaMigrations#migrateIfBehind()} leaves Flyway out when the history already is
 * exactly this Strata's migrations, and hands every other case to Flyway (pending versions are applied, a changed
 * script is refused as before).
 */
class MigrateIfBehindTest {

    @Test
    void migratesAnEmptySchemaThenFindsItCurrentWithoutFlyway() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        SchemaMigrations migrations = new SchemaMigrations(owner(url));
        int versions = migrations.info().pending().size();
        assertThat(migrations.currentIfUpToDate()).isEmpty();

        SchemaMigrations.Migrated first = migrations.migrateIfBehind();
        assertThat(first.applied()).hasSize(versions);

        SchemaMigrations.Migrated again = new SchemaMigrations(owner(url)).migrateIfBehind();
        assertThat(again.applied()).isEmpty();
        assertThat(again.from()).isEqualTo(first.to()).isEqualTo(again.to());
        assertThat(migrations.currentIfUpToDate()).contains(first.to());
    }

    @Test
    void computesFlywaysChecksumOfEveryScript() {
        String url = TestPostgres.createFreshDatabase();
        SchemaMigrations migrations = new SchemaMigrations(owner(url));
        Map<String, Integer> flyways = java.util.Arrays.stream(
                        migrations.flyway(null).info().all())
                .collect(Collectors.toMap(info -> info.getVersion().getVersion(), MigrationInfo::getChecksum));
        Map<String, MigrationScripts.Script> ours =
                MigrationScripts.list(SchemaMigrations.class.getClassLoader(), SchemaMigrations.MIGRATIONS);
        assertThat(ours).isNotNull().hasSameSizeAs(flyways);
        ours.values()
                .forEach(script ->
                        assertThat(script.checksum()).as(script.name()).isEqualTo(flyways.get(script.version())));
    }

    @Test
    void scriptsReadAheadAreTheScriptsAndAreTakenOnce() {
        ClassLoader loader = SchemaMigrations.class.getClassLoader();
        Map<String, MigrationScripts.Script> read = MigrationScripts.list(loader, SchemaMigrations.MIGRATIONS);

        assertThat(MigrationScripts.readAhead(loader, SchemaMigrations.MIGRATIONS))
                .isTrue();
        assertThat(MigrationScripts.readAhead(loader, SchemaMigrations.MIGRATIONS))
                .as("a second call while the first is pending starts nothing")
                .isFalse();
        assertThat(MigrationScripts.list(loader, SchemaMigrations.MIGRATIONS)).isEqualTo(read);
        // taken by that list: nothing pending any more, so the next read-ahead starts again, and a list reads anew
        assertThat(MigrationScripts.readAhead(loader, SchemaMigrations.MIGRATIONS))
                .isTrue();
        assertThat(MigrationScripts.list(loader, SchemaMigrations.MIGRATIONS)).isEqualTo(read);
        assertThat(MigrationScripts.list(loader, SchemaMigrations.MIGRATIONS)).isEqualTo(read);

        // a start reads ahead, then finds the schema current with what was read
        String url = TestPostgres.createFreshDatabase();
        new SchemaMigrations(owner(url)).migrate();
        SchemaMigrations.readScriptsAhead(SchemaMigrations.MIGRATIONS);
        assertThat(new SchemaMigrations(owner(url)).migrateIfBehind().applied()).isEmpty();
    }

    @Test
    void scriptsWhoseReadingAheadFailedAreReadByTheStartItself() {
        ClassLoader loader = SchemaMigrations.class.getClassLoader();
        Map<String, MigrationScripts.Script> read = MigrationScripts.list(loader, SchemaMigrations.MIGRATIONS);
        // the first look for the folder (the thread's) fails with an error nothing catches on the way
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        ClassLoader failingOnce = new ClassLoader(loader) {
            @Override
            public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
                if (failed.compareAndSet(false, true)) {
                    throw new LinkageError("the reading thread fails");
                }
                return super.getResources(name);
            }
        };

        assertThat(MigrationScripts.readAhead(failingOnce, SchemaMigrations.MIGRATIONS))
                .isTrue();

        assertThat(MigrationScripts.list(failingOnce, SchemaMigrations.MIGRATIONS))
                .isEqualTo(read);
        assertThat(failed).isTrue();
    }

    @Test
    void pendingVersionsAreAppliedByFlyway() {
        String url = TestPostgres.createFreshDatabase();
        SchemaMigrations migrations = new SchemaMigrations(owner(url));
        int versions = migrations.info().pending().size();
        migrations.migrate("3");
        assertThat(migrations.currentIfUpToDate()).isEmpty();

        SchemaMigrations.Migrated rest = migrations.migrateIfBehind();
        assertThat(rest.from()).isEqualTo("3");
        assertThat(rest.applied()).hasSize(versions - 3);
    }

    @Test
    void aChangedScriptIsStillRefused() throws Exception {
        String url = TestPostgres.createFreshDatabase();
        SchemaMigrations migrations = new SchemaMigrations(owner(url));
        migrations.migrate();
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USERNAME, TestPostgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
        }
        assertThat(migrations.currentIfUpToDate()).isEmpty();
        assertThatThrownBy(() -> new SchemaMigrations(owner(url)).migrateIfBehind())
                .hasMessageContaining("checksum mismatch");
    }

    private static DatabaseSettings owner(String url) {
        return new DatabaseSettings(url, TestPostgres.USERNAME, TestPostgres.PASSWORD);
    }
}

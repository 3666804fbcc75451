package io.strata.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void noUrlMeansEmbedded() {
        assertThat(DatabaseSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(DatabaseSettings.fromEnvironment(Map.of("STRATA_DB_URL", "  ")))
                .isEmpty();
    }

    @Test
    void postgresUrlIsTranslatedToJdbcWithCredentials() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(
                        Map.of("STRATA_DB_URL", "postgres://alice:s3cr%40t@db.example.com:6543/strata?sslmode=require"))
                .orElseThrow();

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/strata?sslmode=require");
        assertThat(settings.username()).isEqualTo("alice");
        assertThat(settings.password()).isEqualTo("s3cr@t");
    }

    @Test
    void postgresqlSchemeWithoutPortOrPassword() {
        DatabaseSettings settings = DatabaseSettings.parse("postgresql://bob@localhost/app");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(settings.username()).isEqualTo("bob");
        assertThat(settings.password()).isNull();
    }

    @Test
    void jdbcUrlPassesThrough() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(
                        "STRATA_DB_URL",
                        "jdbc:postgresql://pg:5432/strata?ApplicationName=x",
                        "STRATA_DB_USER",
                        "app",
                        "STRATA_DB_PASSWORD",
                        "pw"))
                .orElseThrow();

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5432/strata?ApplicationName=x");
        assertThat(settings.username()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("pw");
    }

    @Test
    void jdbcUrlCredentialsAreMovedOutOfTheUrl() {
        DatabaseSettings settings =
                DatabaseSettings.parse("jdbc:postgresql://pg/strata?user=u&password=p&sslmode=disable");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://pg/strata?sslmode=disable");
        assertThat(settings.username()).isEqualTo("u");
        assertThat(settings.password()).isEqualTo("p");
        assertThat(settings.displayUrl()).doesNotContain("p&").doesNotContain("password");
    }

    @Test
    void environmentOverridesCredentialsInTheUrl() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of(
                        "STRATA_DB_URL",
                        "postgres://x:y@127.0.0.1:1/nope",
                        "STRATA_DB_USER",
                        "real",
                        "STRATA_DB_PASSWORD",
                        "secret"))
                .orElseThrow();

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/nope");
        assertThat(settings.username()).isEqualTo("real");
        assertThat(settings.password()).isEqualTo("secret");
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void micronautProperties() {
        DatabaseSettings settings = DatabaseSettings.parse("postgres://x:y@h:1/d");

        assertThat(settings.toMicronautProperties())
                .containsExactly(
                        Map.entry("datasources.default.url", "jdbc:postgresql://h:1/d"),
                        Map.entry("datasources.default.username", "x"),
                        Map.entry("datasources.default.password", "y"));
    }

    @Test
    void otherSchemesAreRejectedWithoutLeakingThePassword() {
        assertThatThrownBy(() -> DatabaseSettings.parse("mysql://u:hunter2@h/d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STRATA_DB_URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void launchSettingsDefaults() {
        LaunchSettings defaults = LaunchSettings.fromEnvironment(Map.of());
        assertThat(defaults.embeddedDbPort()).isEqualTo(54329);
        assertThat(defaults.httpPort()).isEqualTo(8080);
        assertThat(defaults.dataDirectory())
                .isEqualTo(java.nio.file.Path.of(".strata").toAbsolutePath());
        assertThat(defaults.embeddedDbDirectory())
                .isEqualTo(java.nio.file.Path.of(".strata", "pg").toAbsolutePath());
        assertThat(defaults.debug()).isFalse();

        LaunchSettings custom = LaunchSettings.fromEnvironment(Map.of(
                "STRATA_DATA_DIR", "/tmp/x", "STRATA_EMBEDDED_DB_PORT", "6000", "PORT", "9090", "STRATA_DEBUG", "1"));
        assertThat(custom.embeddedDbDirectory()).isEqualTo(java.nio.file.Path.of("/tmp/x/pg"));
        assertThat(custom.embeddedDbPort()).isEqualTo(6000);
        assertThat(custom.httpPort()).isEqualTo(9090);
        assertThat(custom.debug()).isTrue();
    }

    @Test
    void launchSettingsForSupervisionAndShutdown() {
        LaunchSettings defaults = LaunchSettings.fromEnvironment(Map.of("STRATA_DATA_DIR", "/tmp/x"));
        assertThat(defaults.embeddedDbBinaries()).isEqualTo(java.nio.file.Path.of("/tmp/x/pg-bin"));
        assertThat(defaults.embeddedDbRestarts()).isEqualTo(5);
        assertThat(defaults.shutdownGrace()).isEqualTo(java.time.Duration.ofSeconds(20));

        LaunchSettings custom = LaunchSettings.fromEnvironment(Map.of(
                "STRATA_EMBEDDED_DB_BINARIES",
                "/opt/pg",
                "STRATA_EMBEDDED_DB_RESTART_ATTEMPTS",
                "2",
                "STRATA_SHUTDOWN_GRACE",
                "45s"));
        assertThat(custom.embeddedDbBinaries()).isEqualTo(java.nio.file.Path.of("/opt/pg"));
        assertThat(custom.embeddedDbRestarts()).isEqualTo(2);
        assertThat(custom.shutdownGrace()).isEqualTo(java.time.Duration.ofSeconds(45));
        for (String grace : new String[] {"30", "PT30S", "30000ms"}) {
            assertThat(LaunchSettings.fromEnvironment(Map.of("STRATA_SHUTDOWN_GRACE", grace))
                            .shutdownGrace())
                    .isEqualTo(java.time.Duration.ofSeconds(30));
        }
        assertThat(LaunchSettings.fromEnvironment(Map.of("STRATA_SHUTDOWN_GRACE", "1m"))
                        .shutdownGrace())
                .isEqualTo(java.time.Duration.ofMinutes(1));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> LaunchSettings.fromEnvironment(Map.of("STRATA_SHUTDOWN_GRACE", "soon")))
                .hasMessage("STRATA_SHUTDOWN_GRACE must be a duration such as 20s, 500ms or 1m, got 'soon'");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> LaunchSettings.fromEnvironment(Map.of("STRATA_EMBEDDED_DB_RESTART_ATTEMPTS", "0")))
                .hasMessage("STRATA_EMBEDDED_DB_RESTART_ATTEMPTS must be at least 1, got 0");
    }
}

package io.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.config.StartupFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void unreachableDatabaseIsOneLineAndExitStatusOne() {
        int status = run(new String[] {"serve"}, Map.of("STRATA_DB_URL", "postgres://x:y@127.0.0.1:1/nope"));

        assertThat(status).isEqualTo(1);
        assertThat(stderrLines())
                .singleElement()
                .asString()
                .startsWith("strata: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nope: ")
                .contains("Connection refused")
                .doesNotContain("y@");
    }

    @Test
    void noArgumentsMeansServe() {
        int status = run(new String[0], Map.of("STRATA_DB_URL", "jdbc:postgresql://127.0.0.1:1/nope"));

        assertThat(status).isEqualTo(1);
        assertThat(stderrLines()).singleElement().asString().startsWith("strata: cannot connect to PostgreSQL");
    }

    @Test
    void debugAddsTheStackTrace() {
        int status = run(
                new String[] {"serve"},
                Map.of("STRATA_DB_URL", "jdbc:postgresql://127.0.0.1:1/nope", "STRATA_DEBUG", "1"));

        assertThat(status).isEqualTo(1);
        assertThat(stderrLines().length).isGreaterThan(3);
    }

    @Test
    void invalidUrlIsOneLine() {
        int status = run(new String[] {"serve"}, Map.of("STRATA_DB_URL", "mysql://h/d"));

        assertThat(status).isEqualTo(1);
        assertThat(stderrLines()).singleElement().asString().startsWith("strata: STRATA_DB_URL must be");
    }

    @Test
    void unknownCommandPrintsUsageAndExitsTwo() {
        int status = run(new String[] {"frobnicate"}, Map.of());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("strata: unknown command 'frobnicate' (available: serve, db, help)")
                .contains("see 'strata --help'");
    }

    @Test
    void failingMigrationIsReportedAsOneLine() {
        Map<String, String> env = Map.of(
                "STRATA_DB_URL",
                TestPostgres.createFreshDatabase(),
                "STRATA_DB_USER",
                TestPostgres.USERNAME,
                "STRATA_DB_PASSWORD",
                TestPostgres.PASSWORD,
                "PORT",
                "-1");
        String[] args = {"--strata.database.migrations=classpath:db/broken-migration"};

        assertThatThrownBy(() -> {
                    try (StrataServer server = StrataServer.start(args, env)) {
                        fail("started although the migration is broken: "
                                + server.server().getURL());
                    }
                })
                .isInstanceOfSatisfying(StartupFailure.class, failure -> {
                    assertThat(failure.getMessage())
                            .startsWith("startup failed: ")
                            .contains("V1__broken.sql")
                            .contains("syntax error");
                    assertThat(failure.getMessage()).doesNotContain("\n");
                    assertThat(Application.report(failure, env, new PrintStream(err, true, StandardCharsets.UTF_8)))
                            .isEqualTo(1);
                    assertThat(stderrLines()).hasSize(1);
                    System.out.println("reported: " + stderrLines()[0]);
                });
    }

    @Test
    void hibernateThatCannotBeBuiltIsAOneLineStartupFailure() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> env = Map.of(
                "STRATA_DB_URL", TestPostgres.createFreshDatabase(),
                "STRATA_DB_USER", TestPostgres.USERNAME,
                "PORT", Integer.toString(port));
        // Hibernate is built on a thread of its own while the server is made: its failure is still the start's
        String[] args = {"--jpa.default.properties.hibernate.dialect=io.strata.NoSuchDialect"};

        assertThatThrownBy(() -> {
                    try (StrataServer server = StrataServer.start(args, env)) {
                        fail("started although Hibernate cannot be built: "
                                + server.server().getURL());
                    }
                })
                .isInstanceOfSatisfying(
                        StartupFailure.class,
                        failure -> assertThat(failure.getMessage())
                                .startsWith("startup failed: ")
                                .contains("io.strata.NoSuchDialect")
                                .doesNotContain("\n"));
        try (java.net.ServerSocket free = new java.net.ServerSocket(port)) {
            assertThat(free.getLocalPort()).isEqualTo(port); // the failed start left nothing listening
        }
    }

    @Test
    void busyHttpPortIsOneClearLine() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0)) {
            Map<String, String> env = Map.of(
                    "STRATA_DB_URL", TestPostgres.createFreshDatabase(),
                    "STRATA_DB_USER", TestPostgres.USERNAME,
                    "PORT", Integer.toString(busy.getLocalPort()));

            assertThatThrownBy(() -> {
                        try (StrataServer server = StrataServer.start(new String[0], env)) {
                            fail("started on a busy port: " + server.server().getURL());
                        }
                    })
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageStartingWith("cannot start the HTTP server on port " + busy.getLocalPort() + ": ")
                    .hasMessageContaining("set PORT");
        }
    }

    private int run(String[] args, Map<String, String> env) {
        return Application.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] stderrLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
    }
}

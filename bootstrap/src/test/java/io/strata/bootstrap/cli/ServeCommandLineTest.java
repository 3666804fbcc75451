package io.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.Application;
import io.strata.bootstrap.config.StartupFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code strata [serve] [--name=value ...]} starts the server without building picocli's model (see
 * {@link StrataCli#run}): these command lines reach the server with the same properties, exit status and output as
 * through picocli, and every other command line still goes through picocli.
 */
class ServeCommandLineTest {

    @Test
    void noArgumentsServeWithoutProperties() {
        Outcome outcome = Outcome.of(new String[0], (properties, cli) -> 0);

        assertThat(outcome.status).isZero();
        assertThat(outcome.served).containsExactly(List.of());
        assertThat(StrataCli.plainServe(StrataCli.withDefaultCommand(new String[0])))
                .isEmpty();
    }

    @Test
    void propertiesReachTheServerWithOrWithoutTheCommandName() {
        String[] properties = {"--micronaut.server.port=0", "--strata.x=a=b"};

        Outcome withName = Outcome.of(prepend("serve", properties), (p, cli) -> 0);
        Outcome withoutName = Outcome.of(properties, (p, cli) -> 0);

        assertThat(withName.served).containsExactly(List.of(properties));
        assertThat(withoutName.served).containsExactly(List.of(properties));
        assertThat(StrataCli.plainServe(prepend("serve", properties))).containsExactly(properties);
    }

    @Test
    void theServersStatusIsTheExitStatus() {
        assertThat(Outcome.of(new String[] {"serve"}, (p, cli) -> 1).status).isEqualTo(1);
        assertThat(Outcome.of(new String[] {"serve"}, (p, cli) -> 0).status).isZero();
    }

    @Test
    void aFailingServerIsOneLineAndStatusOneAsThroughPicocli() {
        ServeCommand.Server failing = (p, cli) -> {
            throw new IllegalStateException("the pool is gone");
        };
        ServeCommand.Server startupFailure = (p, cli) -> {
            throw new StartupFailure("cannot connect to PostgreSQL at jdbc:postgresql://h/d: refused", null);
        };

        for (ServeCommand.Server server : List.of(failing, startupFailure)) {
            Outcome direct = Outcome.of(new String[] {"serve", "--a.b=c"}, server);
            Outcome picocli = Outcome.throughPicocli(new String[] {"serve", "--a.b=c"}, server);

            assertThat(direct.status).isEqualTo(1).isEqualTo(picocli.status);
            assertThat(direct.err).isEqualTo(picocli.err).startsWith("strata: ").hasLineCount(1);
            assertThat(direct.out).isEqualTo(picocli.out).isEmpty();
        }
        assertThat(Outcome.of(new String[] {"serve"}, failing).err)
                .isEqualTo("strata: serve failed: the pool is gone" + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "serve --help",
                "serve -h",
                "serve --version",
                "serve --help=true",
                "serve stray",
                "serve --a.b=c stray",
                "serve --no-value",
                "serve --=x",
                "serve --",
                "serve -Da=b",
                "db info",
                "help",
                "--help",
                "-V"
            })
    void everyOtherCommandLineGoesThroughPicocli(String line) {
        assertThat(StrataCli.plainServe(StrataCli.withDefaultCommand(line.split(" "))))
                .isNull();
    }

    @Test
    void aStrayArgumentIsStillAUsageError() {
        Outcome outcome = Outcome.of(new String[] {"serve", "--a.b=c", "stray"}, (p, cli) -> 0);

        assertThat(outcome.status).isEqualTo(StrataCli.EXIT_USAGE);
        assertThat(outcome.served).isEmpty();
        assertThat(outcome.err).contains("unexpected argument 'stray'");
    }

    @Test
    void helpIsStillPicocliHelp() {
        Outcome outcome = Outcome.of(new String[] {"serve", "--help"}, (p, cli) -> 0);

        assertThat(outcome.status).isZero();
        assertThat(outcome.served).isEmpty();
        assertThat(outcome.out).contains("strata [serve] [--<micronaut.property>=<value> ...]");
    }

    @Test
    void servingLoadsNoneOfPicocli() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-Xlog:class+load=info",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Application.class.getName(),
                        "serve",
                        "--a.b=c")
                .redirectErrorStream(true);
        builder.environment().put("STRATA_DB_URL", "jdbc:postgresql://127.0.0.1:1/nope");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output)
                .contains("strata: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nope")
                .contains("io.strata.bootstrap.cli.StrataCli ") // the log names the classes it loads, as expected
                .doesNotContain("picocli.CommandLine ");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** One command line run with a stand-in server: its exit status, what it printed, what the server was given. */
    private record Outcome(int status, String out, String err, List<List<String>> served) {

        static Outcome of(String[] args, ServeCommand.Server server) {
            return run(args, server, false);
        }

        static Outcome throughPicocli(String[] args, ServeCommand.Server server) {
            return run(args, server, true);
        }

        private static Outcome run(String[] args, ServeCommand.Server server, boolean picocli) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Cli cli = new Cli(
                    Map.of(),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    false);
            List<List<String>> served = new ArrayList<>();
            ServeCommand.Server recording = (properties, c) -> {
                served.add(List.of(properties));
                return server.serve(properties, c);
            };
            int status =
                    picocli ? StrataCli.commandLine(cli, recording).execute(args) : StrataCli.run(args, cli, recording);
            return new Outcome(
                    status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), served);
        }
    }
}

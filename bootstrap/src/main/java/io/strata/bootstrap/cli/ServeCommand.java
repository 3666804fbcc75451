package io.strata.bootstrap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code strata serve [--<micronaut.property>=<value> ...]}: the HTTP API, until SIGTERM or Ctrl-C (exit status 0
 * after the graceful stop, see {@code StopSignals}) or until the embedded PostgreSQL cannot be restarted (1).
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the HTTP API (the default command): migrate the schema, then serve on PORT until "
                    + "SIGTERM or Ctrl-C, which finish the requests in flight and exit 0."
        },
        customSynopsis = "strata [serve] [--<micronaut.property>=<value> ...]")
public final class ServeCommand implements Callable<Integer> {

    private final Cli cli;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Unmatched
    List<String> properties = new ArrayList<>();

    private final Server server;

    /** Starts the HTTP server and blocks until it stops; the exit status. Handed in by {@code Application}. */
    @FunctionalInterface
    public interface Server {
        int serve(String[] properties, Cli cli);
    }

    public ServeCommand(Cli cli, Server server) {
        this.cli = cli;
        this.server = server;
    }

    @Override
    public Integer call() {
        for (String property : properties) {
            if (!property.startsWith("--") || !property.contains("=")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "unexpected argument '" + property
                                + "' (serve takes Micronaut properties only, as --name=value)");
            }
        }
        return server.serve(properties.toArray(String[]::new), cli);
    }
}

package io.strata.bootstrap.cli;

import io.strata.bootstrap.config.StartupFailure;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Strata's command line (picocli): {@code strata [serve]}, {@code strata db <command>}, {@code --help} on every
 * command, {@code --version}. Exit status 0 when the command did its work, 1 when it failed (one line on stderr:
 * {@code strata: <command>: <why>}, with the stack trace when {@code STRATA_DEBUG=1}), 2 for a command line that
 * cannot run as given (one line on stderr, nothing done). Results go to stdout, logs and progress to stderr.
 *
 * <p>{@code strata} without a command, or with Micronaut properties only ({@code strata --micronaut.x=y}), is
 * {@code strata serve}. A new command is a class in this package, listed in {@link DbCommand}'s {@code subcommands}
 * (or added in {@link #commandLine(Cli, ServeCommand.Server)}); it takes a {@link Cli} in its constructor.
 */
public final class StrataCli {

    public static final int EXIT_OK = CommandLine.ExitCode.OK;
    public static final int EXIT_FAILURE = CommandLine.ExitCode.SOFTWARE;
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    private StrataCli() {}

    /** Runs one command line; returns the exit status. */
    public static int run(String[] args, Cli cli, ServeCommand.Server server) {
        String[] command = withDefaultCommand(args);
        String[] properties = plainServe(command);
        if (properties != null) {
            // every start of the server: picocli's classes are Java 5 class files, which the launcher's class data
            // archive cannot hold, so modelling even serve alone cost each start ~0.13 s (176 classes parsed,
            // verified and interpreted anew); a command line of properties only needs none of it
            return serve(properties, cli, server);
        }
        CommandLine commandLine = commandLine(cli, server);
        CommandLogging.forCommand(args, cli.env());
        return commandLine.execute(command);
    }

    /**
     * The Micronaut properties of {@code serve [--name=value ...]}, or null when the command line is anything else
     * (another command, a help or version option, an argument picocli must judge).
     */
    static String[] plainServe(String[] command) {
        if (!command[0].equals("serve")) {
            return null;
        }
        for (int i = 1; i < command.length; i++) {
            String arg = command[i];
            if (!arg.startsWith("--")
                    || arg.indexOf('=') < 3
                    || arg.startsWith("--help")
                    || arg.startsWith("--version")) {
                return null;
            }
        }
        return Arrays.copyOfRange(command, 1, command.length);
    }

    /** What picocli runs for {@link #plainServe}'s command lines: the same call, exit status and failure line. */
    private static int serve(String[] properties, Cli cli, ServeCommand.Server server) {
        try {
            return server.serve(properties, cli);
        } catch (RuntimeException e) {
            return failure(cli, "serve", e);
        }
    }

    /** The command tree, with Strata's factory, output streams and error handlers. */
    public static CommandLine commandLine(Cli cli) {
        return commandLine(cli, (properties, ignored) -> {
            throw new IllegalStateException("no server to serve with");
        });
    }

    /** The command tree; {@code serve} starts {@code server} (handed in, so the CLI does not depend on it). */
    public static CommandLine commandLine(Cli cli, ServeCommand.Server server) {
        Factory factory = new Factory(cli);
        CommandLine commandLine = new CommandLine(new StrataCommand(), factory);
        commandLine.addSubcommand(new CommandLine(new ServeCommand(cli, server), factory));
        commandLine.addSubcommand(new CommandLine(new DbCommand(), factory));
        commandLine.addSubcommand(new CommandLine(new CommandLine.HelpCommand(), factory));
        commandLine.setOut(new PrintWriter(cli.out(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(cli.err(), true, StandardCharsets.UTF_8));
        commandLine.setUsageHelpAutoWidth(cli.terminal());
        commandLine.setParameterExceptionHandler((e, arguments) -> usageError(cli, e.getCommandLine(), message(e)));
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> failure(cli, failed, e));
        return commandLine;
    }

    /** No command, or only options for Micronaut: serve. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || (args[0].startsWith("-") && !TOP_LEVEL_OPTIONS.contains(args[0]))) {
            List<String> withServe = new ArrayList<>(List.of("serve"));
            withServe.addAll(List.of(args));
            return withServe.toArray(String[]::new);
        }
        return args;
    }

    /** Picocli's message, except for a word where a command was expected: "unknown command 'x' (available: ...)". */
    private static String message(CommandLine.ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "' (available: "
                    + String.join(", ", command.getSubcommands().keySet()) + ")";
        }
        return e.getMessage();
    }

    private static int usageError(Cli cli, CommandLine command, String message) {
        String path = path(command);
        cli.err()
                .println("strata: " + (path.isEmpty() ? "" : path + ": ") + message + " (see 'strata "
                        + (path.isEmpty() ? "" : path + " ") + "--help')");
        cli.err().flush();
        return EXIT_USAGE;
    }

    private static int failure(Cli cli, CommandLine command, Exception e) {
        return failure(cli, path(command), e);
    }

    private static int failure(Cli cli, String path, Exception e) {
        if (e instanceof UsageException usage) {
            cli.err().println("strata: " + (path.isEmpty() ? "" : path + ": ") + usage.getMessage());
            cli.err().flush();
            return EXIT_USAGE;
        }
        String message;
        if (e instanceof StartupFailure startup) {
            message = startup.getMessage(); // already says what it is about: "cannot connect to PostgreSQL at ..."
        } else if (e instanceof CommandFailure failure) {
            message = path + ": " + failure.getMessage();
        } else {
            message = path + " failed: " + StartupFailure.describe(e);
        }
        cli.err().println("strata: " + message);
        if (cli.debug()) {
            e.printStackTrace(cli.err());
        }
        cli.err().flush();
        return EXIT_FAILURE;
    }

    /** {@code db seed} for the seed command (the command path without {@code strata}). */
    static String path(CommandLine command) {
        List<String> names = new ArrayList<>();
        for (CommandSpec spec = command.getCommandSpec(); spec != null && spec.parent() != null; spec = spec.parent()) {
            names.add(0, spec.name());
        }
        return String.join(" ", names);
    }

    /** Makes commands with a {@code (Cli)} constructor; everything else the picocli way. */
    private record Factory(Cli cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Cli.class).newInstance(cli);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** The root: {@code strata}. Its commands (serve, db, help) are added by {@link #commandLine}. */
    @Command(
            name = "strata",
            mixinStandardHelpOptions = true,
            versionProvider = StrataVersion.class,
            description = "Strata: a hexagonal domain platform on PostgreSQL. Without a command: serve.",
            footerHeading = "%nEnvironment:%n",
            footer = {
                "  STRATA_DB_URL            jdbc:postgresql://... or postgres://user:pass@host:port/db (default: embedded PostgreSQL)",
                "  STRATA_DB_USER/PASSWORD  the schema owner's credentials (override those in the URL)",
                "  STRATA_DB_REPLICA_URL    a streaming read replica for read-only use cases (serve)",
                "  STRATA_DATA_DIR          embedded PostgreSQL data lives in <dir>/pg (default ./.strata)",
                "  STRATA_EMBEDDED_DB_PORT  embedded PostgreSQL port (default 54329)",
                "  PORT                     HTTP port (default 8080)",
                "  STRATA_DEBUG=1           print stack traces with failures",
                "",
                "Exit status: 0 done, 1 failed, 2 bad command line. Results on stdout, logs and progress on stderr."
            })
    static final class StrataCommand implements Runnable {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "a command is needed"); // not reached: no command is serve
        }
    }
}

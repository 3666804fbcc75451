package io.strata.bootstrap;

import io.strata.bootstrap.cli.SeedCommand;
import io.strata.bootstrap.cli.UsageException;
import io.strata.bootstrap.config.LaunchSettings;
import io.strata.bootstrap.config.StartupFailure;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Entry point of {@code strata.jar} (and of the {@code ./strata} launcher).
 *
 * <pre>
 * strata [serve] [--micronaut.property=value ...]   start the HTTP API (default)
 * strata db seed [--users N] [--projects P] ...       load sample data (see {@link SeedCommand})
 * </pre>
 *
 * New sub-commands (e.g. {@code db migrate|info|verify|reset}) are added to the switches in {@link #run} and
 * {@link #db}, their code to {@code io.strata.bootstrap.cli}.
 */
public final class Application {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private Application() {}

    /** Where the {@code db} commands send their logs: their stdout is for results that scripts read. */
    static final String LOG_TARGET_PROPERTY = "STRATA_LOG_TARGET";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("db") && System.getProperty(LOG_TARGET_PROPERTY) == null) {
            System.setProperty(LOG_TARGET_PROPERTY, "System.err"); // read by logback.xml, before the first log line
        }
        int status = run(args, System.getenv(), System.out, System.err);
        System.exit(
                status); // a finished command (or a stopped server) ends now, even if a library left a thread behind
    }

    /**
     * Runs one command and returns the process exit status. {@code serve} blocks until the server has stopped
     * (SIGTERM or Ctrl-C: 0, see {@link StopSignals}; the embedded PostgreSQL could not be restarted: 1) unless
     * startup fails, in which case it prints one line to {@code err} and returns 1.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("-") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "serve":
                return serve(rest, env, err);
            case "db":
                return db(rest, env, out, err);
            case "help":
            case "--help":
            case "-h":
                usage(out);
                return EXIT_OK;
            default:
                err.println("strata: unknown command '" + command + "'");
                usage(err);
                return EXIT_USAGE;
        }
    }

    static int serve(String[] args, Map<String, String> env, PrintStream err) {
        StrataServer server;
        try {
            server = StrataServer.start(args, env);
        } catch (StartupFailure failure) {
            return report(failure, env, err);
        }
        server.closeOnShutdown();
        StopSignals.install(server);
        try {
            server.awaitShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        if (server.failure().isPresent()) {
            err.println("strata: " + server.failure().get());
            err.flush();
            return EXIT_FAILURE;
        }
        return EXIT_OK;
    }

    /**
     * {@code db <command> ...}: a bad command line is one line and exit status 2 (nothing written), a failure
     * one line and exit status 1.
     */
    static int db(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "seed":
                    SeedCommand.parse(rest).run(env, out, err);
                    return EXIT_OK;
                default:
                    throw new UsageException(
                            command.isEmpty()
                                    ? "db: a command is needed (available: seed)"
                                    : "db: unknown command '" + command + "' (available: seed)");
            }
        } catch (UsageException e) {
            err.println("strata: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        } catch (StartupFailure failure) {
            return report(failure, env, err);
        } catch (RuntimeException unexpected) { // still one line, never a bare stack trace
            return report(
                    new StartupFailure("db " + command + " failed: " + StartupFailure.describe(unexpected), unexpected),
                    env,
                    err);
        }
    }

    /** Prints a startup failure as one line (plus the stack trace with {@code STRATA_DEBUG=1}) and returns 1. */
    static int report(StartupFailure failure, Map<String, String> env, PrintStream err) {
        err.println("strata: " + failure.getMessage());
        if (LaunchSettings.isDebug(env)) {
            failure.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    static void usage(PrintStream stream) {
        stream.println("usage: strata [serve] [--<micronaut.property>=<value> ...]");
        stream.println("       " + SeedCommand.USAGE);
        stream.println();
        stream.println("commands:");
        stream.println("  serve    start the HTTP API (default)");
        stream.println("  db seed  load sample users (default " + SeedCommand.DEFAULT_USERS + "), and projects with "
                + SeedCommand.DEFAULT_TASKS_PER_PROJECT + " tasks each when --projects is given,");
        stream.println("           in transactions of --batch-size rows (default " + SeedCommand.DEFAULT_BATCH_SIZE
                + "); no HTTP server. Progress on stderr,");
        stream.println(
                "           one 'seeded <table> <rows> rows in <ms> ms (<rows/s> rows/s)' line per table on stdout;");
        stream.println("           seeded users share --password (default: random, printed at the end)");
        stream.println();
        stream.println("environment:");
        stream.println(
                "  STRATA_DB_URL            jdbc:postgresql://... or postgres://user:pass@host:port/db (default: embedded PostgreSQL)");
        stream.println("  STRATA_DB_USER/PASSWORD  credentials (override those in the URL)");
        stream.println("  STRATA_DATA_DIR          embedded PostgreSQL data lives in <dir>/pg (default ./.strata)");
        stream.println("  STRATA_EMBEDDED_DB_PORT  embedded PostgreSQL port (default 54329)");
        stream.println("  PORT                     HTTP port (default 8080)");
        stream.println("  STRATA_DEBUG=1           print stack traces on startup failures");
    }
}

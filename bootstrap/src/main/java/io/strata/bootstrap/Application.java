package io.strata.bootstrap;

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
 * </pre>
 *
 * New sub-commands (e.g. {@code db migrate|info|seed|verify|reset}) are added to the switch in {@link #run}.
 */
public final class Application {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private Application() {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != EXIT_OK) {
            System.exit(status);
        }
    }

    /**
     * Runs one command and returns the process exit status. {@code serve} blocks until the server is shut down
     * (by a JVM shutdown hook) unless startup fails, in which case it prints one line to {@code err} and returns 1.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("-") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "serve":
                return serve(rest, env, err);
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
        try {
            server.awaitShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return EXIT_OK;
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
        stream.println();
        stream.println("commands:");
        stream.println("  serve    start the HTTP API (default)");
        stream.println();
        stream.println("environment:");
        stream.println("  STRATA_DB_URL            jdbc:postgresql://... or postgres://user:pass@host:port/db (default: embedded PostgreSQL)");
        stream.println("  STRATA_DB_USER/PASSWORD  credentials (override those in the URL)");
        stream.println("  STRATA_DATA_DIR          embedded PostgreSQL data lives in <dir>/pg (default ./.strata)");
        stream.println("  STRATA_EMBEDDED_DB_PORT  embedded PostgreSQL port (default 54329)");
        stream.println("  PORT                     HTTP port (default 8080)");
        stream.println("  STRATA_DEBUG=1           print stack traces on startup failures");
    }
}

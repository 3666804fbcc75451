package io.strata.bootstrap;

import io.strata.bootstrap.cli.Cli;
import io.strata.bootstrap.cli.StrataCli;
import io.strata.bootstrap.config.LaunchSettings;
import io.strata.bootstrap.config.StartupFailure;
import io.strata.bootstrap.runtime.MicronautServiceIndex;
import java.io.PrintStream;
import java.util.Map;

/**
 * Entry point of {@code strata.jar} (and of the {@code ./strata} launcher): the command line of
 * {@link StrataCli} ({@code strata [serve]}, {@code strata db migrate|info|history|rollback|seed|verify|reset|backup|restore},
 * {@code --help} on each). Exit status 0 ok, 1 failure, 2 bad command line.
 */
public final class Application {

    public static final int EXIT_OK = StrataCli.EXIT_OK;
    public static final int EXIT_FAILURE = StrataCli.EXIT_FAILURE;
    public static final int EXIT_USAGE = StrataCli.EXIT_USAGE;

    private Application() {}

    public static void main(String[] args) {
        MicronautServiceIndex.installIfPackaged(); // before anything of Micronaut: it would scan the jar otherwise
        withoutNettyJfrEvents();
        Map<String, String> env = System.getenv();
        int status = StrataCli.run(
                args, new Cli(env, System.out, System.err, Cli.stderrIsTerminal(env)), StrataServer::serve);
        System.exit(
                status); // a finished command (or a stopped server) ends now, even if a library left a thread behind
    }

    /** Netty's own JFR events (its buffer allocator's): what {@link #withoutNettyJfrEvents} turns off. */
    static final String NETTY_JFR = "io.netty.jfr.enabled";

    /**
     * Turns Netty's JFR events off unless the command line says otherwise ({@code -Dio.netty.jfr.enabled=true}).
     * Netty registers its allocator's event classes with JFR (each one instrumented) on the first buffer it
     * allocates, on the first request's event loop, though nothing records.
     */
    static void withoutNettyJfrEvents() {
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
    }

    /**
     * Runs one command line with the given environment and streams (stderr is not a terminal: plain progress
     * lines) and returns the process exit status. {@code serve} blocks until the server has stopped.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return StrataCli.run(args, new Cli(env, out, err, false), StrataServer::serve);
    }

    /**
     * Prints a startup failure as one line (plus the stack trace with {@code STRATA_DEBUG=1}) and returns 1. A start
     * that a stop signal interrupted says so instead: what failed after the signal (the embedded PostgreSQL stopping
     * under it, say) is the stop's doing, not a startup problem.
     */
    static int report(StartupFailure failure, Map<String, String> env, PrintStream err) {
        err.println(exiting() ? "strata: stopped while starting" : "strata: " + failure.getMessage());
        if (LaunchSettings.isDebug(env)) {
            failure.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** Whether the JVM is shutting down (a stop signal, or {@code System.exit}): it then refuses new exit hooks. */
    static boolean exiting() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }
}

package io.strata.bootstrap.cli;

import io.strata.bootstrap.config.LaunchSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command gets: the environment (a map, so that tests pass their own), stdout for results that scripts
 * read, stderr for progress and messages, and whether stderr is a terminal (then long work shows a progress bar,
 * else plain lines).
 */
public record Cli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {

    /** {@code STRATA_DEBUG=1}: stack traces with failures. */
    public boolean debug() {
        return LaunchSettings.isDebug(env);
    }

    /**
     * Whether this process's stderr is a terminal (and {@code TERM} is not {@code dumb}): on Linux
     * {@code /proc/self/fd/2} names a tty; elsewhere a console on stdin and stdout is the best guess.
     */
    public static boolean stderrIsTerminal(Map<String, String> env) {
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException ignored) {
            // fall through
        }
        return System.console() != null;
    }
}

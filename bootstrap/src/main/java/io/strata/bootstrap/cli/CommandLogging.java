package io.strata.bootstrap.cli;

import ch.qos.logback.classic.Level;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The database commands print their own results (stdout) and progress (stderr). Flyway's INFO lines (the JDBC URL
 * with every driver property, each version it validates) and the embedded server's own log would bury them, so
 * those loggers drop to WARN for a {@code db} command; {@code STRATA_LOG_LEVEL} (set to anything) keeps them all.
 */
final class CommandLogging {

    private static final List<String> LIBRARY_LOGGERS = List.of("org.flywaydb", "postgres");

    private CommandLogging() {}

    static void forCommand(String[] args, Map<String, String> env) {
        if (args.length == 0 || !args[0].equals("db") || env.containsKey("STRATA_LOG_LEVEL")) {
            return;
        }
        for (String name : LIBRARY_LOGGERS) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}

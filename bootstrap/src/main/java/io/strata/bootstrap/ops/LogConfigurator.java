package io.strata.bootstrap.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import java.util.function.Function;

/**
 * Strata's logging, set up in code (found by logback through {@code META-INF/services}): every command logs to
 * stderr, since stdout carries the results scripts read. Code instead of a {@code logback.xml} because reading XML
 * costs ~0.1 s of every start (a SAX parser and logback's configuration model, ~400 classes).
 *
 * <p>Your own configuration still wins: with {@code -Dlogback.configurationFile=...}, or a {@code logback-test.xml}
 * on the class path (the tests'), this steps aside and logback reads that file. {@code STRATA_LOG_LEVEL} (root level,
 * default INFO) and {@code STRATA_LOG_TARGET} ({@code System.err} or {@code System.out}) are read from system
 * properties first, then the environment.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    /** Levels for libraries that say too much at INFO. */
    static final Map<String, Level> LEVELS = Map.ofEntries(
            Map.entry("org.hibernate", Level.WARN),
            // constraint violations become 409/412 in the persistence adapter; Hibernate would log each at ERROR
            // with the offending values (e-mails)
            Map.entry("org.hibernate.engine.jdbc.spi.SqlExceptionHelper", Level.OFF),
            Map.entry("io.netty", Level.WARN),
            Map.entry("com.zaxxer.hikari", Level.WARN),
            Map.entry("io.zonky", Level.WARN),
            Map.entry("org.postgresql", Level.WARN),
            Map.entry("org.flywaydb", Level.INFO),
            Map.entry("org.flywaydb.core.internal.license", Level.WARN),
            Map.entry("io.micronaut", Level.INFO));

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %-24.24logger{0} %msg%n";
    /** The slow-statement log (strata.database.slow-statement-ms): duration and statement from Hibernate, the route from the MDC. */
    static final String SLOW_PATTERN = "%d{HH:mm:ss.SSS} %-5level slow-statement route=\"%X{route:-none}\" %msg%n";

    static final String SLOW_LOGGER = "org.hibernate.SQL_SLOW";

    private final Function<String, String> settings;

    public LogConfigurator() {
        this(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        });
    }

    LogConfigurator(Function<String, String> settings) {
        this.settings = settings;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Strata's configuration, whatever else is on the class path. */
    void apply(LoggerContext context) {
        String target = "System.out".equals(settings.apply("STRATA_LOG_TARGET")) ? "System.out" : "System.err";
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(settings.apply("STRATA_LOG_LEVEL"), Level.INFO));
        root.addAppender(console(context, "STDOUT", PATTERN, target));
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger slow = context.getLogger(SLOW_LOGGER);
        slow.setLevel(Level.INFO);
        slow.setAdditive(false);
        slow.addAppender(console(context, "SLOW", SLOW_PATTERN, target));
    }

    private static ConsoleAppender<ILoggingEvent> console(
            LoggerContext context, String name, String pattern, String target) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setTarget(target);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}

package io.strata.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Strata's logging in code: what logback.xml used to say, and stepping aside for a file of your own. */
class LogConfiguratorTest {

    @Test
    void logbackFindsItAsAServiceAndItStepsAsideForTheTestsOwnFile() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogConfigurator.class);
        // this module's tests have a logback-test.xml: that one is read, as a -Dlogback.configurationFile would be
        assertThat(new LogConfigurator().configure(new LoggerContext()))
                .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }

    @Test
    void levelsAppendersAndPatterns() {
        LoggerContext context = configured(Map.of());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.hibernate").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper")
                        .getEffectiveLevel())
                .isEqualTo(Level.OFF);
        assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.flywaydb.core.internal.license").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.strata.bootstrap.StrataServer").getEffectiveLevel())
                .isEqualTo(Level.INFO);

        ConsoleAppender<ILoggingEvent> console = console(root, "STDOUT");
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(console.isStarted()).isTrue();
        String line = format(console, context.getLogger("io.strata.bootstrap.StrataServer"), "Strata started");
        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  StrataServer {13}Strata started\\R");

        // slow statements: their own line, with the route from the MDC, and not twice (not additive)
        Logger slow = context.getLogger(LogConfigurator.SLOW_LOGGER);
        assertThat(slow.isAdditive()).isFalse();
        assertThat(slow.getLevel()).isEqualTo(Level.INFO);
        MDC.put("route", "GET /api/v1/users/{id}");
        try {
            assertThat(format(console(slow, "SLOW"), slow, "12 ms SELECT 1"))
                    .matches(
                            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  slow-statement route=\"GET /api/v1/users/\\{id}\" 12 ms SELECT 1\\R");
        } finally {
            MDC.remove("route");
        }
    }

    @Test
    void levelAndTargetFromTheEnvironment() {
        LoggerContext context = configured(Map.of("STRATA_LOG_LEVEL", "DEBUG", "STRATA_LOG_TARGET", "System.out"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(console(root, "STDOUT").getTarget()).isEqualTo("System.out");
        assertThat(console(context.getLogger(LogConfigurator.SLOW_LOGGER), "SLOW")
                        .getTarget())
                .isEqualTo("System.out");

        // a level logback does not know is INFO, a target other than System.out is stderr
        LoggerContext odd = configured(Map.of("STRATA_LOG_LEVEL", "LOUD", "STRATA_LOG_TARGET", "/dev/null"));
        Logger oddRoot = odd.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(oddRoot.getLevel()).isEqualTo(Level.INFO);
        assertThat(console(oddRoot, "STDOUT").getTarget()).isEqualTo("System.err");
    }

    private static LoggerContext configured(Map<String, String> settings) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        LogConfigurator configurator = new LogConfigurator(settings::get);
        configurator.setContext(context);
        configurator.apply(context);
        return context;
    }

    @SuppressWarnings("unchecked")
    private static ConsoleAppender<ILoggingEvent> console(Logger logger, String name) {
        return (ConsoleAppender<ILoggingEvent>) logger.getAppender(name);
    }

    private static String format(ConsoleAppender<ILoggingEvent> appender, Logger logger, String message) {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, message, null, null);
        return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}

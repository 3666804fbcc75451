package io.strata.bootstrap.config;

/**
 * A failure to start Strata that is reported to the operator as one line ({@code strata: <message>})
 * followed by exit status 1. The cause, if any, is printed only with {@code STRATA_DEBUG=1}.
 */
public final class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The most useful one-line description of a failure: the message of the deepest cause that has one (a library
     * may end the chain with a bare {@code Throwable} that only carries suppressed ones), prefixed by the first line
     * of a Flyway exception if one is in the chain (so "Migration V3__x.sql failed: ERROR: ...").
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        String flyway = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == failure || (t.getMessage() != null && !t.getMessage().isBlank())) {
                root = t;
            }
            if (flyway == null && t.getClass().getName().startsWith("org.flywaydb") && t.getMessage() != null) {
                flyway = firstLine(t.getMessage());
            }
        }
        String rootMessage = root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName()
                : oneLine(root.getMessage());
        if (root instanceof java.net.UnknownHostException) {
            rootMessage = "unknown host " + rootMessage;
        }
        if (flyway != null && !flyway.equals(rootMessage) && !rootMessage.startsWith(flyway)) {
            return flyway + ": " + rootMessage;
        }
        return rootMessage;
    }

    private static String firstLine(String message) {
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

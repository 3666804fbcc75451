package io.strata.bootstrap.cli;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.Application;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code strata <args>} in this JVM as {@code main} would, capturing stdout and stderr. */
public record CliRun(int status, String out, String err) {

    public static CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Application.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The environment of a command on the test server's database {@code url} (as the schema owner). */
    public static Map<String, String> external(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("STRATA_DB_URL", url);
        env.put("STRATA_DB_USER", TestPostgres.USERNAME);
        env.put("STRATA_DB_PASSWORD", TestPostgres.PASSWORD);
        env.put("PORT", "-1");
        return env;
    }

    @Override
    public String toString() {
        return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}

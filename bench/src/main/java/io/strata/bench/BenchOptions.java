package io.strata.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options of {@code bench/run}; {@code --quick} is a smaller, faster run for trying changes.
 * {@code --rounds} is how many times each endpoint is measured on each server, the servers taking turns, so that the
 * tables show medians and one slow second of the shared machine does not decide a ratio. {@code --starts} is how many
 * times section 1 starts every server afresh (warm-up and rounds each time; default 1): two JVMs of one jar differ by
 * up to 7% for as long as they run, so one start a side is one draw of each. {@code --pg-port} is the
 * shared PostgreSQL's (the embedded-start measurement uses the next one); {@code --http-port}
 * is Strata's, and the next three are the baseline's, the embedded-start Strata's and the Spring peer's.
 * {@code --newer-jdk} is the home of a JDK 25 or later (default: the newest found under /usr/lib/jvm; {@code none}: no
 * such rows): the startup section also starts Strata on it, where the launcher keeps an AOT cache instead of a CDS
 * archive. {@code --endpoints} measures only the named endpoints of sections 1 and 5 (default: all of them).
 */
record BenchOptions(Path root, boolean quick, int seconds, int warmupSeconds, List<Integer> concurrency,
                    List<Integer> tableSizes, int mainSize, List<Integer> bulkSizes, int rowByRowRows, int startupRepeats,
                    Set<String> sections, String javaOpts, int pgPort, int httpPort, int rounds, int starts, Path newerJdk,
                    Set<String> endpoints) {

    static final Set<String> ALL_SECTIONS = Set.of("startup", "http", "scaling", "sql", "bulk", "ai", "chat", "plugins", "documents");
    static final Set<String> ALL_ENDPOINTS = Set.of("get-user", "get-project", "list-users", "create-task", "update-project");

    static BenchOptions parse(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        boolean quick = false;
        Integer seconds = null;
        List<Integer> concurrency = null;
        Set<String> sections = new TreeSet<>(ALL_SECTIONS);
        Set<String> endpoints = new TreeSet<>(ALL_ENDPOINTS);
        String javaOpts = System.getenv().getOrDefault("JAVA_OPTS", "");
        int pgPort = 54400;
        int httpPort = 8180;
        Integer rounds = null;
        int starts = 1;
        Path newerJdk = NewerJdk.find(Path.of("/usr/lib/jvm"));
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--root=")) {
                root = Path.of(value(arg)).toAbsolutePath();
            } else if (arg.startsWith("--seconds=")) {
                seconds = positive(arg);
            } else if (arg.startsWith("--rounds=")) {
                rounds = positive(arg);
            } else if (arg.startsWith("--starts=")) {
                starts = positive(arg);
            } else if (arg.startsWith("--concurrency=")) {
                concurrency = Arrays.stream(value(arg).split(",")).map(s -> positive("--concurrency=" + s)).toList();
            } else if (arg.startsWith("--only=")) {
                sections = new TreeSet<>(List.of(value(arg).split(",")));
                if (!ALL_SECTIONS.containsAll(sections)) {
                    throw new IllegalArgumentException("--only takes a comma-separated subset of " + new TreeSet<>(ALL_SECTIONS));
                }
            } else if (arg.startsWith("--endpoints=")) {
                endpoints = new TreeSet<>(List.of(value(arg).split(",")));
                if (!ALL_ENDPOINTS.containsAll(endpoints)) {
                    throw new IllegalArgumentException("--endpoints takes a comma-separated subset of " + new TreeSet<>(ALL_ENDPOINTS));
                }
            } else if (arg.startsWith("--java-opts=")) {
                javaOpts = value(arg);
            } else if (arg.startsWith("--newer-jdk=")) {
                newerJdk = value(arg).equals("none") ? null : NewerJdk.check(Path.of(value(arg)));
            } else if (arg.startsWith("--pg-port=")) {
                pgPort = positive(arg);
            } else if (arg.startsWith("--http-port=")) {
                httpPort = positive(arg);
            } else {
                throw new IllegalArgumentException("unknown option " + arg + " (options: --quick --seconds=N --rounds=N --starts=N --concurrency=1,8,32 "
                        + "--only=" + String.join(",", new TreeSet<>(ALL_SECTIONS)) + " --endpoints=" + String.join(",", new TreeSet<>(ALL_ENDPOINTS))
                        + " --java-opts='...' --newer-jdk=PATH|none --pg-port=54400 --http-port=8180)");
            }
        }
        if (quick) {
            return new BenchOptions(root, true, seconds == null ? 4 : seconds, 2, concurrency == null ? List.of(1, 16) : concurrency,
                    List.of(10_000, 100_000), 100_000, List.of(100_000), 10_000, 3, sections, javaOpts, pgPort, httpPort,
                    rounds == null ? 1 : rounds, starts, newerJdk, endpoints);
        }
        return new BenchOptions(root, false, seconds == null ? 8 : seconds, 4, concurrency == null ? List.of(1, 8, 32) : concurrency,
                List.of(10_000, 100_000, 1_000_000), 100_000, List.of(100_000, 1_000_000), 20_000, 5, sections, javaOpts, pgPort, httpPort,
                rounds == null ? 3 : rounds, starts, newerJdk, endpoints);
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static int positive(String arg) {
        try {
            int n = Integer.parseInt(value(arg));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(arg + ": expected a positive whole number");
    }
}

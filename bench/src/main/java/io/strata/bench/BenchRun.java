package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The whole benchmark, in one run against one PostgreSQL: startup and memory, the HTTP endpoints side by side
 * (Strata, the raw JDBC baseline, the Spring peer, pgbench), scaling with table size and deep pages, statements per
 * request, and bulk loading. Every figure lands in one {@link Report}. Nothing here asserts anything about time.
 */
final class BenchRun {

    private static final String ADMIN_EMAIL = "bench-admin@example.test";
    private static final String ADMIN_PASSWORD = "bench admin password";
    /** The admin's log-in body (POST /api/v1/sessions): the run's token, and each request of the log-in section. */
    private static final String ADMIN_LOG_IN =
            "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}";
    private static final int VARIANTS = 100;          // ids per endpoint for wrk (one per line of its paths file)
    // pgbench prepares each script copy on each connection the first time it runs it: few copies, or the
    // preparing (not the statements) dominates short runs
    private static final int PGBENCH_VARIANTS = 10;
    // PATCH goes round-robin over these; so many that a slow response never leaves a stale If-Match behind
    private static final int UPDATE_PROJECTS = 1000;
    private static final int PAGE = 20;
    private static final String LIST = "/api/v1/users?role=eq.USER&sort=-createdAt&limit=" + PAGE;

    private final BenchOptions options;
    private final int pgPort;
    private final int strataPort;
    private final int baselinePort;
    private final int embeddedStrataPort;   // also the port of the no-CDS starts and of the bulk section's migration
    private final int peerPort;
    private final int embeddedPgPort;
    private final Path work;
    private final Report report = new Report();
    private final Wrk wrk;
    private BenchPostgres postgres;
    private Fixtures fixtures;
    private PgBench pgbench;
    private ServerProcess strata;
    private long strataStartRss;
    private ServerProcess baseline;
    private ServerProcess peer;
    private long peerStartRss;
    private String token;
    private String adminId;
    private final Map<String, Long> peakRssKb = new HashMap<>();
    /** Strata's peak RSS during the log-in section (Strata only, so kept apart from the side-by-side peaks). */
    private long loginPeakRssKb;
    private final Map<String, LoadResult> headline = new LinkedHashMap<>();   // "endpoint/system" at the top concurrency
    private final Map<String, String> targets = new LinkedHashMap<>();

    private BenchRun(BenchOptions options) {
        this.options = options;
        this.pgPort = options.pgPort();
        this.embeddedPgPort = options.pgPort() + 1;
        this.strataPort = options.httpPort();
        this.baselinePort = options.httpPort() + 1;
        this.embeddedStrataPort = options.httpPort() + 2;
        this.peerPort = options.httpPort() + 3;
        this.work = options.root().resolve("bench/target/work");
        this.wrk = new Wrk(options.root().resolve("bench/lua"));
    }

    static int main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            return 2;
        }
        BenchRun run = new BenchRun(options);
        try {
            run.run();
            return 0;
        } catch (BenchFailure | SQLException | IOException e) {
            System.err.println("bench: " + e.getMessage());
            return 1;
        } finally {
            run.stopAll();
        }
    }

    private void run() throws SQLException, IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
        PgBench.deleteRecursively(work);
        Files.createDirectories(work);
        progress("PostgreSQL 17 on port " + pgPort + " (data in " + work.resolve("pg") + ")");
        postgres = BenchPostgres.start(work.resolve("pg"), pgPort);
        postgres.createDatabase("strata");
        postgres.createDatabase("bulk");
        environment();
        fixtures = new Fixtures(postgres, "strata", work.resolve("paths"));
        pgbench = new PgBench(work, pgPort, "strata");

        startStrataMeasuringStartup();
        if (options.runs("startup")) {
            strataStartupWithoutCds();
        }
        if (options.runs("startup") || options.runs("http") || options.runs("sql")) {
            startPeerMeasuringStartup();
        }
        if (options.runs("startup")) {
            embeddedStartup();
            if (options.newerJdk() != null) {
                newerJdkStartup(options.newerJdk());
            }
        }
        report.print(startupTable);
        login();
        if (options.runs("http") || options.runs("scaling") || options.runs("sql")) {
            baseline = launchBaseline();
        }

        for (int size : baseline == null ? List.<Integer>of() : options.tableSizes()) {
            fixtures.growUsersTo(size + 1);   // + the admin
            progress("users table: " + String.format(Locale.ROOT, "%,d", fixtures.userCount()) + " rows");
            if (options.runs("scaling")) {
                scaling(size);
            }
            if (size == options.mainSize()) {
                prepareEndpointFixtures();
                if (options.runs("http")) {
                    endpoints();
                    loginPeakRssKb = LogInBench.run(report, wrk, strata, ADMIN_LOG_IN, work, options);
                }
                if (options.runs("sql")) {
                    statementsPerRequest();
                }
            }
        }
        if (baseline != null && options.runs("scaling")) {
            deepPages();
        }
        if (options.runs("chat")) {
            ChatBench.run(report, wrk, strata.baseUrl, token, work, options);
        }
        if (options.runs("plugins")) {
            PluginsBench.run(report, wrk, strata.baseUrl, token, work, options);
        }
        if (options.runs("documents")) {
            DocumentBench.run(report, wrk, strata.baseUrl, token, work, options);
        }
        memory();
        if (options.runs("bulk")) {
            bulk();
        }
        if (options.runs("ai")) {
            new AiUsageBench(fixtures, strata.baseUrl, token, report, BenchRun::progress).run();
        }
        targetsTable();
        List<Path> files = report.write(options.root().resolve("bench/results"), stamp);
        progress("written: " + files.get(0) + " and " + files.get(1) + " (also latest.md, latest.csv)");
    }

    // ---- environment ----------------------------------------------------------------------------------------------

    private void environment() {
        Path jar = options.root().resolve("bootstrap/target/strata.jar");
        report.environment("date", LocalDateTime.now().withNano(0).toString());
        report.environment("mode", options.quick() ? "quick (bench/run --quick)" : "full (bench/run)");
        report.environment("machine", Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + memoryGiB() + " GiB RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.environment("fresh memory", freshMemoryMicrosPerPage() + " us per 4 KB page (64 MB allocated and zeroed;"
                + " a few us is usual; some VMs take 10-40, and a JVM's start, which touches ~200 MB, slows with it)");
        report.environment("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.environment("JVM options of Strata, the baseline and the Spring peer", "bootstrap/jvm.options: " + String.join(" ", jvmOptions())
                + (options.javaOpts().isBlank() ? "" : "; JAVA_OPTS: " + options.javaOpts()));
        report.environment("PostgreSQL", postgres.version() + " (zonky binaries, shared_buffers=512MB, fsync=on, synchronous_commit=on, one server for everything)");
        report.environment("Strata", gitCommit() + "; " + jarVersions(jar));
        report.environment("Spring peer", "bench/spring-peer: " + peerVersions(peerJar()));
        report.environment("load generators", Shell.firstLine(List.of("wrk", "-v")).replaceAll("\\s+Copyright.*", "") + "; " + PgBench.version());
        report.environment("durations", options.seconds() + " s per measurement, " + options.rounds()
                + " round" + (options.rounds() == 1 ? "" : "s") + " per endpoint, after a warm-up per server and endpoint "
                + "(runs of " + options.warmupSeconds() + " s until " + WARM_UP_REQUESTS + " requests and two runs "
                + "in a row not 5% above the best before them and at most " + SETTLED_COMPILATIONS
                + " methods compiled by the JIT in each of the last two, at most " + WARM_UP_RUNS + " runs); "
                + "wrk -t1 (closed loop), pgbench -j1 -M prepared");
    }

    /**
     * What the machine takes to hand a process a page of memory it has not touched yet: 64 MB of direct memory,
     * allocated (the JDK zeroes it, touching every page) and timed. On the 2-core VM this benchmark runs on it was
     * 10-38 us on a day a start took 2.3-3.3 s; the day before, not measured, the same build started in 1.5-1.8 s:
     * startup figures of two reports compare only next to this line.
     */
    private static String freshMemoryMicrosPerPage() {
        int bytes = 64 << 20;
        long started = System.nanoTime();
        java.nio.ByteBuffer touched = java.nio.ByteBuffer.allocateDirect(bytes);
        long nanos = System.nanoTime() - started;
        touched.put(0, (byte) 1);
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0 / (bytes / 4096));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown cpu");
        } catch (IOException e) {
            return "unknown cpu";
        }
    }

    private static String memoryGiB() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            return String.format(Locale.ROOT, "%.0f", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private String gitCommit() {
        String commit = Shell.firstLine(List.of("git", "-C", options.root().toString(), "rev-parse", "--short", "HEAD"));
        boolean dirty = !Shell.run(List.of("git", "-C", options.root().toString(), "status", "--porcelain", "--untracked-files=no"),
                Map.of(), null, 30).out().isBlank();
        return "commit " + commit + (dirty ? " (with uncommitted changes)" : "");
    }

    /**
     * Library versions as packaged in strata.jar: HikariCP's pom.properties, and for the Gradle-built libraries
     * (no pom.properties) their own version constants, read through a class loader over the jar.
     */
    private static String jarVersions(Path jar) {
        List<String> versions = new ArrayList<>();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[]{jar.toUri().toURL()}, null)) {
            versions.add("Micronaut " + invoke(loader, "io.micronaut.core.version.VersionUtils", "getMicronautVersion"));
            Object hibernate = invoke(loader, "org.hibernate.Version", "getVersionString");
            // Hibernate reads its version from its jar's manifest, which shading replaces with Strata's own
            boolean known = hibernate != null && String.valueOf(hibernate).matches("\\d+\\.\\d+.*\\.Final");
            versions.add("Hibernate " + (known ? hibernate : "6.6 (exact version not in the shaded jar)"));
            versions.add("pgjdbc " + loader.loadClass("org.postgresql.util.DriverInfo").getField("DRIVER_VERSION").get(null));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                java.util.Properties hikari = new java.util.Properties();
                hikari.load(zip.getInputStream(zip.getEntry("META-INF/maven/com.zaxxer/HikariCP/pom.properties")));
                versions.add("HikariCP " + hikari.getProperty("version"));
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            versions.add("(versions not readable: " + e.getMessage() + ")");
        }
        return String.join(", ", versions);
    }

    /** The versions of the Spring peer's libraries, from the names of the jars nested in its Spring Boot jar. */
    private static String peerVersions(Path jar) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("spring-boot-", "Spring Boot");
        names.put("spring-data-jpa-", "Spring Data JPA");
        names.put("hibernate-core-", "Hibernate");
        names.put("HikariCP-", "HikariCP");
        names.put("postgresql-", "pgjdbc");
        names.put("tomcat-embed-core-", "Tomcat");
        names.put("spring-security-core-", "Spring Security");
        List<String> versions = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            names.forEach((prefix, name) -> zip.stream().map(entry -> entry.getName())
                    .filter(entry -> entry.startsWith("BOOT-INF/lib/" + prefix) && entry.endsWith(".jar"))
                    .map(entry -> entry.substring(("BOOT-INF/lib/" + prefix).length(), entry.length() - 4))
                    .filter(version -> !version.isEmpty() && Character.isDigit(version.charAt(0)))
                    .findFirst().ifPresent(version -> versions.add(name + " " + version)));
        } catch (IOException e) {
            versions.add("(versions not readable: " + e.getMessage() + ")");
        }
        return String.join(", ", versions);
    }

    private static Object invoke(ClassLoader loader, String type, String method) throws ReflectiveOperationException {
        return loader.loadClass(type).getMethod(method).invoke(null);
    }

    // ---- servers --------------------------------------------------------------------------------------------------

    private Map<String, String> strataEnv(String database) {
        Map<String, String> env = new HashMap<>();
        env.put("STRATA_DB_URL", postgres.jdbcUrl(database));
        env.put("STRATA_DB_USER", BenchPostgres.USER);
        env.put("STRATA_DB_PASSWORD", "");
        env.put("STRATA_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("STRATA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PORT", String.valueOf(strataPort));
        env.put("JAVA_OPTS", options.javaOpts());
        return env;
    }

    private ServerProcess launchStrata(String label, Map<String, String> env, int port) {
        return ServerProcess.launch("strata", List.of(options.root().resolve("strata").toString(), "serve"), env, options.root(),
                work.resolve("strata-" + label + ".log"), port, Duration.ofSeconds(120));
    }

    /**
     * Section 4, external database: the first start migrates an empty database; the next ones are restarts.
     * The last instance stays up as the Strata under test.
     */
    private void startStrataMeasuringStartup() {
        progress("starting Strata against the external PostgreSQL (" + (options.startupRepeats() + 1) + " starts)");
        ServerProcess first = launchStrata("first", strataEnv("strata"), strataPort);
        long firstMillis = first.startupMillis;
        long firstRss = first.rssKb();
        first.close();
        List<Long> millis = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < options.startupRepeats(); i++) {
            ServerProcess server = launchStrata("restart-" + i, strataEnv("strata"), strataPort);
            millis.add(server.startupMillis);
            rss.add(server.rssKb());
            if (i < options.startupRepeats() - 1) {
                server.close();
            } else {
                strata = server;
                strataStartRss = server.rssKb();
            }
        }
        Report.Table table = report.table("Startup: launch to the first 200 on /health",
                "server", "database", "start", "median", "min", "max", "RSS after start (median)", "target");
        table.row("Strata (./strata serve)", "external PostgreSQL", "first start, migrating an empty database (trains its CDS archive first unless ./strata made it when it built the jar)",
                ms(firstMillis), "", "", Report.megabytes(firstRss), "");
        table.row("Strata (./strata serve)", "external PostgreSQL", options.startupRepeats() + " restarts, with its CDS archive",
                ms(median(millis)), ms(min(millis)), ms(max(millis)), Report.megabytes(median(rss)), "<= 1500 ms");
        targets.put("startup to first 200, external database", ms(median(millis)) + " median (target <= 1500 ms)"
                + (median(millis) <= 1500 ? "" : " MISSED"));
        startupTable = table;
    }

    private Report.Table startupTable;

    /**
     * Section 4, Strata as the Spring peer starts: {@code java -jar} with bootstrap/jvm.options and no class data
     * sharing archive of its own (what ./strata does, less the CDS archive). On a spare port while Strata idles.
     */
    private void strataStartupWithoutCds() {
        progress("starting Strata without its CDS archive (" + options.startupRepeats() + " starts)");
        List<String> command = javaCommand(options.root().resolve("bootstrap/target/strata.jar"));
        command.add("serve");
        List<Long> millis = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < options.startupRepeats(); i++) {
            try (ServerProcess server = ServerProcess.launch("strata", command, withPort(strataEnv("strata"), embeddedStrataPort),
                    options.root(), work.resolve("strata-no-cds-" + i + ".log"), embeddedStrataPort, Duration.ofSeconds(120))) {
                millis.add(server.startupMillis);
                rss.add(server.rssKb());
            }
        }
        startupTable.row("Strata (java -jar strata.jar serve)", "external PostgreSQL", options.startupRepeats() + " restarts, no CDS",
                ms(median(millis)), ms(min(millis)), ms(max(millis)), Report.megabytes(median(rss)), "");
    }

    /**
     * Section 4, the Spring peer against the same database: {@code java -jar} with the same JVM options, no CDS. With
     * the startup section, several starts; the last one stays up as the peer under test.
     */
    private void startPeerMeasuringStartup() {
        int starts = options.runs("startup") ? options.startupRepeats() : 1;
        progress("starting the Spring peer (" + starts + (starts == 1 ? " start)" : " starts)"));
        List<Long> millis = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            ServerProcess server = launchPeer(String.valueOf(i));
            millis.add(server.startupMillis);
            rss.add(server.rssKb());
            if (i < starts - 1) {
                server.close();
            } else {
                peer = server;
                peerStartRss = server.rssKb();
            }
        }
        if (options.runs("startup")) {
            startupTable.row("Spring peer (java -jar spring-peer.jar)", "external PostgreSQL", starts + " starts, no CDS",
                    ms(median(millis)), ms(min(millis)), ms(max(millis)), Report.megabytes(median(rss)), "");
            startupTable.note("Strata with CDS is how ./strata runs it; the no-CDS rows compare Strata and the Spring peer "
                    + "started alike (java -jar, bootstrap/jvm.options, the JDK's own CDS archive only).");
        }
    }

    private ServerProcess launchPeer(String label) {
        List<String> command = javaCommand(peerJar());
        command.addAll(List.of("--server.port=" + peerPort, "--spring.datasource.url=" + postgres.jdbcUrl("strata"),
                "--spring.datasource.username=" + BenchPostgres.USER));
        return ServerProcess.launch("peer", command, Map.of(), options.root(), work.resolve("peer-" + label + ".log"),
                peerPort, Duration.ofSeconds(180));
    }

    private Path peerJar() {
        return options.root().resolve("bench/spring-peer/target/spring-peer.jar");
    }

    /** {@code java} with what ./strata gives Strata (bar its CDS archive), then --java-opts, then {@code -jar <jar>}. */
    private List<String> javaCommand(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> extra = options.javaOpts().isBlank() ? List.of() : List.of(options.javaOpts().trim().split("\\s+"));
        // a collector in --java-opts replaces the file's, as ./strata does: the JVM refuses to start with two
        boolean collectorChosen = extra.stream().anyMatch(option -> COLLECTOR.matcher(option).matches());
        jvmOptions().stream().filter(option -> !collectorChosen || !COLLECTOR.matcher(option).matches()).forEach(command::add);
        command.addAll(extra);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC");

    private static final Pattern EMBEDDED_STARTED = Pattern.compile("Embedded PostgreSQL (initialised and started|started) on port \\d+ .* in (\\d+) ms");

    /** Section 4, embedded default: first start (initdb) and restarts; PostgreSQL's own start is read from Strata's log. */
    private void embeddedStartup() {
        progress("starting Strata with its embedded PostgreSQL (" + (options.startupRepeats() + 1) + " starts)");
        List<Start> starts = embeddedStarts("embedded", Map.of(), options.startupRepeats() + 1);
        Start first = starts.get(0);
        startupTable.row("Strata (./strata serve)", "embedded (default)", "first start: initdb, migrations", ms(first.millis()), "", "",
                Report.megabytes(first.rssKb()), "of which PostgreSQL: " + ms(first.postgresMillis()));
        embeddedRestartsRow("Strata (./strata serve)", starts.subList(1, starts.size()));
        startupTable.note("RSS of the Strata JVM only (the embedded PostgreSQL runs in its own processes).");
    }

    /**
     * Section 4 on a JDK 25 or later ({@code --newer-jdk}), where ./strata keeps an AOT cache instead of a CDS archive:
     * the first start trains it (as the first start after a build does), then restarts against the external PostgreSQL
     * and on the embedded one, as above. On a spare port while Strata idles.
     */
    private void newerJdkStartup(Path javaHome) {
        int major = NewerJdk.major(javaHome).orElse(0);
        String server = "Strata (./strata serve, Java " + major + ")";
        progress("starting Strata on Java " + major + " (" + javaHome + "): " + (options.startupRepeats() + 1)
                + " starts against the external PostgreSQL, " + options.startupRepeats() + " on the embedded one");
        Map<String, String> env = withPort(strataEnv("strata"), embeddedStrataPort);
        env.put("JAVA_HOME", javaHome.toString());
        Path cache = options.root().resolve("bootstrap/target/strata.aot");
        Path jar = options.root().resolve("bootstrap/target/strata.jar");
        String first = isNewer(cache, jar) ? "first start (its AOT cache made before this run)"
                : "first start after a build: trains its AOT cache first";
        List<Long> millis = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i <= options.startupRepeats(); i++) {
            try (ServerProcess started = launchStrata("java" + major + "-" + i, env, embeddedStrataPort)) {
                if (i == 0) {
                    startupTable.row(server, "external PostgreSQL", first,
                            ms(started.startupMillis), "", "", Report.megabytes(started.rssKb()), "");
                } else {
                    millis.add(started.startupMillis);
                    rss.add(started.rssKb());
                }
            }
        }
        startupTable.row(server, "external PostgreSQL", options.startupRepeats() + " restarts, with its AOT cache",
                ms(median(millis)), ms(min(millis)), ms(max(millis)), Report.megabytes(median(rss)), "<= 1500 ms");
        targets.put("startup to first 200, external database, Java " + major, ms(median(millis))
                + " median (target <= 1500 ms)" + (median(millis) <= 1500 ? "" : " MISSED"));
        embeddedRestartsRow(server, embeddedStarts("java" + major + "-embedded", Map.of("JAVA_HOME", javaHome.toString()),
                options.startupRepeats()));
    }

    private static boolean isNewer(Path file, Path than) {
        try {
            return Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** One start of ./strata: to the first 200, RSS then, and the embedded PostgreSQL's own start (-1: not logged). */
    private record Start(long millis, long rssKb, long postgresMillis) {}

    /** {@code count} starts of ./strata on the embedded PostgreSQL (its data kept between them), each stopped at once. */
    private List<Start> embeddedStarts(String label, Map<String, String> extraEnv, int count) {
        Map<String, String> env = new HashMap<>();
        env.put("STRATA_DATA_DIR", work.resolve("embedded").toString());
        env.put("STRATA_EMBEDDED_DB_PORT", String.valueOf(embeddedPgPort));
        env.put("PORT", String.valueOf(embeddedStrataPort));
        env.put("STRATA_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("STRATA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS", options.javaOpts());
        env.putAll(extraEnv);
        List<Start> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (ServerProcess server = launchStrata(label + "-" + i, env, embeddedStrataPort)) {
                starts.add(new Start(server.startupMillis, server.rssKb(), embeddedPostgresMillis(server)));
            }
        }
        return starts;
    }

    private void embeddedRestartsRow(String server, List<Start> restarts) {
        List<Long> millis = restarts.stream().map(Start::millis).toList();
        List<Long> rss = restarts.stream().map(Start::rssKb).toList();
        List<Long> pgMillis = restarts.stream().map(Start::postgresMillis).toList();
        long median = median(millis);
        startupTable.row(server, "embedded (default)", restarts.size() + " restarts", ms(median), ms(min(millis)), ms(max(millis)),
                Report.megabytes(median(rss)), "of which PostgreSQL: " + ms(median(pgMillis)) + " median; target <= 2000 ms");
        targets.put("startup to first 200, embedded default, " + server, ms(median) + " median (target <= 2000 ms)"
                + (median <= 2000 ? "" : " MISSED"));
    }

    /** PostgreSQL's own start as Strata logged it; -1 when the log does not say. */
    private static long embeddedPostgresMillis(ServerProcess server) {
        Matcher m = EMBEDDED_STARTED.matcher(server.logText());
        return m.find() ? Long.parseLong(m.group(2)) : -1;
    }

    private ServerProcess launchBaseline() {
        progress("starting the raw JDBC baseline");
        // what ./strata gives Strata (bar class data sharing, which only speeds up starting)
        List<String> command = javaCommand(options.root().resolve("bench/target/strata-bench.jar"));
        command.addAll(List.of("baseline", "--port=" + baselinePort, "--db-url=" + postgres.jdbcUrl("strata"),
                "--db-user=" + BenchPostgres.USER, "--pool-size=5"));
        return ServerProcess.launch("baseline", command, Map.of(), options.root(), work.resolve("baseline.log"), baselinePort,
                Duration.ofSeconds(60));
    }

    /** The options in bootstrap/jvm.options, which the ./strata launcher passes to Strata's JVM. */
    private List<String> jvmOptions() {
        try {
            return Files.readAllLines(options.root().resolve("bootstrap/jvm.options")).stream()
                    .map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void login() {
        Http.Response session = Http.postJson(strata.baseUrl + "/api/v1/sessions", null, ADMIN_LOG_IN);
        if (session.status() != 201 && session.status() != 200) {
            throw new BenchFailure("cannot log in to Strata: " + session.status() + " " + session.body());
        }
        token = session.field("token");
        adminId = Http.get(strata.baseUrl + "/api/v1/users/me", token).field("id");
    }

    private void stopAll() {
        for (ServerProcess server : new ServerProcess[]{strata, baseline, peer}) {
            if (server != null) {
                server.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    // ---- section 1: endpoints side by side --------------------------------------------------------------------------

    private enum Target { STRATA, BASELINE, PEER, PGBENCH }

    /**
     * {@code target}: Strata's share of the baseline's throughput this endpoint is held to; {@code writes}: its
     * requests change rows (each measured run starts from a checkpoint, see {@link #measureInTurn}).
     */
    private record Endpoint(String name, String title, double target, boolean writes) {
    }

    /** Strata's throughput against the Spring peer's, on every endpoint (issue: twice the Spring JPA service's). */
    private static final double PEER_TARGET = 2.0;

    private static final List<Endpoint> ALL_ENDPOINTS = List.of(
            // the performance issue's targets: reads >= 90% of the raw JDBC baseline, writes >= 85%
            new Endpoint("get-user", "GET /users/{id}", 0.90, false),
            new Endpoint("get-project", "GET /projects/{id}", 0.90, false),
            new Endpoint("list-users", "GET /users?role=eq.USER&sort=-createdAt&limit=20&cursor=…", 0.90, false),
            new Endpoint("create-task", "POST /projects/{id}/tasks", 0.85, true),
            new Endpoint("update-project", "PATCH /projects/{id} (If-Match)", 0.85, true));

    /** The endpoints this run measures ({@code --endpoints}). */
    private List<Endpoint> endpointsMeasured() {
        return ALL_ENDPOINTS.stream().filter(e -> options.endpoints().contains(e.name)).toList();
    }

    /**
     * The endpoints section 1 takes in turn: the full run's order up to the last measured one. An endpoint before that
     * which {@code --endpoints} leaves out is warmed up but not measured, so every measured one meets servers as warm
     * as in a full run: without that, the first endpoint of a subset ran before the JIT had compiled the code that all
     * endpoints share (Strata's {@code POST .../tasks} at 8 connections, measured first: 0.86 ms of CPU per request
     * against 0.59 at 32, measured after it).
     */
    private List<Endpoint> endpointsInTurn() {
        List<Endpoint> inTurn = new ArrayList<>();
        List<Endpoint> warmedOnly = new ArrayList<>();
        for (Endpoint endpoint : ALL_ENDPOINTS) {
            if (options.endpoints().contains(endpoint.name)) {
                inTurn.addAll(warmedOnly);
                warmedOnly.clear();
                inTurn.add(endpoint);
            } else {
                warmedOnly.add(endpoint);
            }
        }
        return inTurn;
    }

    private List<String> userIds;
    private List<String> readProjects;
    private List<String> updateProjects;
    private final Map<String, Path> listPaths = new HashMap<>();

    private void prepareEndpointFixtures() throws SQLException {
        userIds = fixtures.userIds(VARIANTS);
        readProjects = fixtures.newProjects(adminId, VARIANTS);
        updateProjects = fixtures.newProjects(adminId, UPDATE_PROJECTS);
    }

    private void endpoints() throws SQLException {
        progress("section 1: endpoints, " + options.concurrency() + " connections, " + options.seconds() + " s each"
                + (options.starts() == 1 ? "" : ", " + options.starts() + " starts of every server"));
        Report.Table table = report.table("Endpoints side by side (" + String.format(Locale.ROOT, "%,d", options.mainSize())
                        + " users): requests/s, p50 and p99 latency in ms",
                "endpoint", "conns", "Strata req/s", "p50", "p99", "baseline req/s", "p50", "p99", "peer req/s", "p50", "p99",
                "pgbench tx/s", "p50", "p99", "Strata/baseline", "Strata/peer", "Strata/pgbench", "target vs baseline / peer",
                "errors S/B/peer/P");
        int top = options.concurrency().get(options.concurrency().size() - 1);
        // per endpoint and connection count ("get-user/8"): every round of every start, and each start's median ratios
        Map<String, Map<Target, List<LoadResult>>> rounds = new HashMap<>();
        Map<String, List<Double>> vsBaseline = new HashMap<>();
        Map<String, List<Double>> vsPeer = new HashMap<>();
        Map<String, List<Double>> startsVsBaseline = new LinkedHashMap<>();
        Map<String, List<Double>> startsVsPeer = new LinkedHashMap<>();
        for (int start = 0; start < options.starts(); start++) {
            if (start > 0) {
                // a JVM keeps what its JIT made of the code for its whole life (two JVMs of one jar differ by up to 7%):
                // fresh servers for each start, so that the table's medians are not one draw of each
                restartServers(start);
            }
            for (Endpoint endpoint : endpointsInTurn()) {
                for (Target system : List.of(Target.STRATA, Target.BASELINE, Target.PEER)) {
                    warmUp(system, endpoint.name, top);
                }
                if (!options.endpoints().contains(endpoint.name)) {
                    continue; // warmed only, as a full run would have left the servers before the next one
                }
                for (int connections : options.concurrency()) {
                    String key = endpoint.name + "/" + connections;
                    // the servers take turns, round after round: a slow moment of the shared machine hits one round of
                    // each, not all of one server's runs; the table shows each one's median round
                    Map<Target, List<LoadResult>> thisStart = new java.util.EnumMap<>(Target.class);
                    for (int round = 0; round < options.rounds(); round++) {
                        for (Target system : turns(round)) {
                            LoadResult result = measureInTurn(system, endpoint, connections);
                            thisStart.computeIfAbsent(system, k -> new ArrayList<>()).add(result);
                            rounds.computeIfAbsent(key, k -> new java.util.EnumMap<>(Target.class))
                                    .computeIfAbsent(system, k -> new ArrayList<>()).add(result);
                            if (system != Target.PGBENCH) {
                                String cpuKey = endpoint.name + "/" + system.name().toLowerCase(Locale.ROOT) + "/" + connections;
                                Double cpu = cpuPerRequest.get(cpuKey);
                                if (cpu != null) {
                                    cpuRounds.computeIfAbsent(cpuKey, k -> new ArrayList<>()).add(cpu);
                                }
                            }
                        }
                        double strataRate = last(thisStart.get(Target.STRATA)).perSecond();
                        vsBaseline.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(strataRate / last(thisStart.get(Target.BASELINE)).perSecond());
                        vsPeer.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(strataRate / last(thisStart.get(Target.PEER)).perSecond());
                    }
                    double s = medianRun(thisStart.get(Target.STRATA)).perSecond();
                    double b = medianRun(thisStart.get(Target.BASELINE)).perSecond();
                    double e = medianRun(thisStart.get(Target.PEER)).perSecond();
                    startsVsBaseline.computeIfAbsent(key, k -> new ArrayList<>()).add(s / b);
                    startsVsPeer.computeIfAbsent(key, k -> new ArrayList<>()).add(s / e);
                    progress(String.format(Locale.ROOT, "  %-15s c=%-3d Strata %,8.0f/s  baseline %,8.0f/s  peer %,8.0f/s"
                                    + "  pgbench %,8.0f/s (median of %d%s)", endpoint.name, connections, s, b, e,
                            medianRun(thisStart.get(Target.PGBENCH)).perSecond(), options.rounds(),
                            options.starts() == 1 ? "" : ", start " + (start + 1) + " of " + options.starts()));
                }
            }
        }
        for (Endpoint endpoint : endpointsMeasured()) {
            for (int connections : options.concurrency()) {
                String key = endpoint.name + "/" + connections;
                Map<Target, List<LoadResult>> all = rounds.get(key);
                LoadResult s = medianRun(all.get(Target.STRATA));
                LoadResult b = medianRun(all.get(Target.BASELINE));
                LoadResult e = medianRun(all.get(Target.PEER));
                LoadResult p = medianRun(all.get(Target.PGBENCH));
                table.row(endpoint.title, connections, Report.rate(s.perSecond()), Report.millis(s.p50Millis()), Report.millis(s.p99Millis()),
                        Report.rate(b.perSecond()), Report.millis(b.p50Millis()), Report.millis(b.p99Millis()),
                        Report.rate(e.perSecond()), Report.millis(e.p50Millis()), Report.millis(e.p99Millis()),
                        Report.rate(p.perSecond()), Report.millis(p.p50Millis()), Report.millis(p.p99Millis()),
                        Report.ratio(s.perSecond(), b.perSecond()) + spread(vsBaseline.get(key)),
                        Report.ratio(s.perSecond(), e.perSecond()) + spread(vsPeer.get(key)),
                        Report.ratio(s.perSecond(), p.perSecond()),
                        String.format(Locale.ROOT, ">= %.0f%% / >= %.0f%%", endpoint.target * 100, PEER_TARGET * 100),
                        errors(all.get(Target.STRATA)) + "/" + errors(all.get(Target.BASELINE)) + "/"
                                + errors(all.get(Target.PEER)) + "/" + errors(all.get(Target.PGBENCH)));
                headline.put(endpoint.name + "/strata", s);
                headline.put(endpoint.name + "/baseline", b);
                headline.put(endpoint.name + "/peer", e);
            }
            LoadResult s = headline.get(endpoint.name + "/strata");
            LoadResult b = headline.get(endpoint.name + "/baseline");
            LoadResult e = headline.get(endpoint.name + "/peer");
            double share = s.perSecond() / b.perSecond();
            targets.put(endpoint.title + " vs baseline (" + top + " connections)",
                    Report.ratio(s.perSecond(), b.perSecond()) + String.format(Locale.ROOT, " (target >= %.0f%%)", endpoint.target * 100)
                            + (share >= endpoint.target ? "" : " MISSED"));
            targets.put(endpoint.title + " vs Spring peer (" + top + " connections)",
                    Report.ratio(s.perSecond(), e.perSecond()) + String.format(Locale.ROOT, " (target >= %.0f%%)", PEER_TARGET * 100)
                            + (s.perSecond() >= PEER_TARGET * e.perSecond() ? "" : " MISSED"));
        }
        if (options.starts() > 1) {
            table.note("Every server was started " + options.starts() + " times for this section (warmed up and measured "
                    + options.rounds() + " round" + (options.rounds() == 1 ? "" : "s") + " per start); req/s, p50 and p99 are "
                    + "those of each one's median round over all starts. Each start's own Strata/baseline and Strata/peer "
                    + "(its median rounds): " + startsVsBaseline.keySet().stream()
                            .map(key -> key + " " + percentages(startsVsBaseline.get(key)) + " / " + percentages(startsVsPeer.get(key)))
                            .collect(java.util.stream.Collectors.joining("; "))
                    + ".");
        }
        table.note("Each server is measured " + options.rounds() + " time" + (options.rounds() == 1 ? "" : "s")
                + (options.starts() == 1 ? "" : " per start") + " per endpoint and connection count, the four taking turns round after round (in reverse order every other round; a write endpoint's every run starting from a CHECKPOINT); req/s, p50 and p99 are those "
                + "of each one's median round (by req/s), the ratios compare those medians, and the range after a ratio is "
                + "the lowest and highest of the rounds' own ratios (Strata's round against the other's round next to it). "
                + "errors are summed over all rounds.");
        table.note("Strata and the baseline serve the same SQL over the same Micronaut/Netty stack with the same pool size (5); "
                + "the Spring peer (bench/spring-peer: Spring Boot, Spring MVC on Tomcat, Spring Security, Spring Data JPA, "
                + "Hibernate, HikariCP) serves the same JSON with the SQL Spring Data generates, pool size 5, the same JVM options; "
                + "pgbench runs Strata's SQL directly with one connection per client (no pool), so it is PostgreSQL's ceiling "
                + "(with one round trip more per transaction: it sends the row-level security settings as a statement of its "
                + "own, where Strata and the baseline send them in front of the first statement). "
                + "Ratios compare throughput. errors = non-2xx responses or failed transactions.");
        table.note("Warm-up runs of " + options.warmupSeconds() + " s before the measurements of each endpoint: "
                + endpointsInTurn().stream()
                        .map(e -> e.name + (options.endpoints().contains(e.name) ? "" : ", warmed only") + " ("
                                + warmUpRuns.getOrDefault(e.name, "none") + ")")
                        .collect(java.util.stream.Collectors.joining("; "))
                + ".");
        report.print(table);
        cpuTable();
    }

    /**
     * The order the four take in a round: as declared in even rounds, reversed in odd ones (A B C D, D C B A). A write
     * run leaves the database more work than it found (new rows and index entries, dead tuples for autovacuum, WAL
     * to checkpoint), which the run after it pays for: alternating POST-task runs of one build with another, the second
     * of a pair was 3-28% slower whichever build it was. With a fixed order one server would always follow another's
     * writes; alternated, each one's rounds follow both neighbours.
     */
    private static List<Target> turns(int round) {
        List<Target> order = new ArrayList<>(List.of(Target.values()));
        if (round % 2 == 1) {
            java.util.Collections.reverse(order);
        }
        return order;
    }

    /**
     * One measured run of a round. A write endpoint's run starts from a checkpoint (dirty pages written, the WAL's
     * next record of each page a full image again), so that no run inherits the checkpoint the writes before it
     * made due, whose timing otherwise falls on whichever run happens to be going.
     */
    private LoadResult measureInTurn(Target system, Endpoint endpoint, int connections) throws SQLException {
        if (endpoint.writes()) {
            fixtures.execute("CHECKPOINT");
        }
        return measure(system, endpoint.name(), connections, options.seconds());
    }

    /**
     * Warms a server on one endpoint before it is measured: wrk runs of the warm-up length at the top concurrency until
     * the server has answered {@link #WARM_UP_REQUESTS} requests, its rate has stopped rising (two runs in a row not
     * 5% above the best run before them) and its JIT has settled (at most {@link #SETTLED_COMPILATIONS} methods
     * compiled during each of the last two runs, from {@code jstat -compiler}), at most {@link #WARM_UP_RUNS} runs. One
     * quiet run was not enough: C2 may be in the middle of a large method for most of a run, so that few compilations
     * end in it; Strata's GET /users/{id} stopped after 6 runs (9 methods in the last) and measured 76% of the
     * baseline at 8 connections, where a run of the same build that warmed it for 23 runs measured 117%. A count alone
     * measured servers still compiling: Strata's GET /users/{id} at 8 connections went 3,258, 5,832, then about 10,200
     * req/s in consecutive 10 s windows after a start, while 10,000 requests were served within the first 4 s run. The
     * rate alone did too: C2 compiles the large framework methods one at a time, 1-2 s each on two busy cores, so the
     * rate rises in steps with flat runs between them (GET /users/{id} at 8 connections: 2,995 req/s at 0.36 ms of CPU
     * per request after 50 s of warm-up, 6,704 req/s at 0.16 ms a minute later; the baseline 5,388 then 6,866). The
     * same rule warms every server; how many runs each needed is in the report.
     */
    private void warmUp(Target system, String endpoint, int connections) throws SQLException {
        ServerProcess server = switch (system) {
            case STRATA -> strata;
            case BASELINE -> baseline;
            case PEER -> peer;
            case PGBENCH -> null;
        };
        long served = 0;
        double best = 0;
        int flat = 0;
        int runs = 0;
        long compiled = server == null ? -1 : server.compilations();
        long compiledInRun = -1;
        int settled = 0;
        while (runs < WARM_UP_RUNS) {
            LoadResult run = measure(system, endpoint, connections, options.warmupSeconds());
            runs++;
            served += run.completed();
            flat = run.perSecond() > best * 1.05 ? 0 : flat + 1;
            best = Math.max(best, run.perSecond());
            long now = server == null ? -1 : server.compilations();
            compiledInRun = compiled < 0 || now < 0 ? -1 : now - compiled;
            compiled = now;
            settled = compiledInRun <= SETTLED_COMPILATIONS ? settled + 1 : 0;
            if (served >= WARM_UP_REQUESTS && flat >= 2 && settled >= 2) {
                break;
            }
        }
        warmUpRuns.merge(endpoint, system.name().toLowerCase(Locale.ROOT) + " " + runs
                        + (compiledInRun < 0 ? "" : " (" + compiledInRun + " compiled in the last)"),
                (a, b) -> a + ", " + b);
    }

    private static final int WARM_UP_RUNS = 25;

    /** A JIT that compiled no more than this many methods in each of two warm-up runs in a row has settled. */
    private static final long SETTLED_COMPILATIONS = 10;

    /** Per endpoint, how many warm-up runs each server took ("strata 5, baseline 4, peer 6"). */
    private final Map<String, String> warmUpRuns = new java.util.LinkedHashMap<>();

    private static final long WARM_UP_REQUESTS = 10_000;

    /** The run with the median rate (of an even count, the lower middle one). */
    private static LoadResult medianRun(List<LoadResult> runs) {
        List<LoadResult> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(LoadResult::perSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static LoadResult last(List<LoadResult> runs) {
        return runs.get(runs.size() - 1);
    }

    private static long errors(List<LoadResult> runs) {
        return runs.stream().mapToLong(LoadResult::errors).sum();
    }

    /** " (48-57%)": the lowest and highest per-round ratio, when there was more than one round. */
    /** "[91%, 87%, 95%]". */
    private static String percentages(List<Double> ratios) {
        return ratios.stream().map(r -> String.format(Locale.ROOT, "%.0f%%", 100 * r))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /**
     * Section 1 with {@code --starts}: stops Strata, the baseline and the peer and starts them again on their ports
     * (the database, its rows and the benchmark's token stay), so the next start is warmed up and measured anew. The
     * database is vacuumed in between: a start PATCHes the same 200 projects tens of thousands of times each, and
     * without it every server's PATCH (and pgbench's) got slower from start to start (pgbench 3,943 -> 2,434 tx/s).
     */
    private void restartServers(int start) throws SQLException {
        progress("section 1: start " + (start + 1) + " of " + options.starts() + ": VACUUM ANALYZE, then Strata, the baseline and the peer started again");
        strata.close();
        baseline.close();
        peer.close();
        fixtures.execute("VACUUM ANALYZE");
        strata = launchStrata("section1-start-" + (start + 1), strataEnv("strata"), strataPort);
        baseline = launchBaseline();
        peer = launchPeer("section1-start-" + (start + 1));
        listPaths.clear(); // the list pages' cursors are read again from each new server
    }

    private static String spread(List<Double> ratios) {
        if (ratios.size() < 2 || ratios.stream().anyMatch(r -> r.isNaN() || r.isInfinite())) {
            return "";
        }
        double low = ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return String.format(Locale.ROOT, " (%.0f-%.0f%%)", 100 * low, 100 * high);
    }

    private LoadResult measure(Target system, String endpoint, int connections, int seconds) throws SQLException {
        ServerProcess server = switch (system) {
            case STRATA -> strata;
            case BASELINE -> baseline;
            case PEER -> peer;
            case PGBENCH -> null;
        };
        if (system == Target.PGBENCH) {
            try {
                return pgbench(endpoint, connections, seconds);
            } catch (BenchFailure e) {
                // on a machine too busy for pgbench to finish a transaction in time: a row of zeros, not a lost run
                progress("  pgbench " + endpoint + " c=" + connections + " failed, recorded as 0/s: "
                        + e.getMessage().lines().findFirst().orElse(""));
                return new LoadResult(0, 0, 0, 0, 1);
            }
        }
        Path paths;
        String script = "get.lua";
        switch (endpoint) {
            case "get-user" -> paths = fixtures.lines("get-user", userIds.stream().map(id -> "/api/v1/users/" + id).toList());
            case "get-project" -> paths = fixtures.lines("get-project", readProjects.stream().map(id -> "/api/v1/projects/" + id).toList());
            case "list-users" -> paths = listPaths(system, server);
            case "create-task" -> {
                script = "create_task.lua";
                paths = fixtures.lines("create-task", fixtures.newProjects(adminId, VARIANTS).stream()
                        .map(id -> "/api/v1/projects/" + id + "/tasks").toList());
            }
            case "update-project" -> {
                script = "update.lua";
                List<Long> versions = fixtures.projectVersions(updateProjects);
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < updateProjects.size(); i++) {
                    lines.add("/api/v1/projects/" + updateProjects.get(i) + " " + versions.get(i));
                }
                paths = fixtures.lines("update-project", lines);
            }
            default -> throw new IllegalArgumentException(endpoint);
        }
        try (ServerProcess.RssPeak peak = server.sampleRss()) {
            long cpuBefore = server.cpuMillis();
            LoadResult result = wrk.run(server.baseUrl, script, paths, token, connections, seconds);
            long cpu = server.cpuMillis() - cpuBefore;
            peakRssKb.merge(server.name, peak.peakKb(), Math::max);
            if (cpuBefore >= 0 && result.completed() > 0) {
                cpuPerRequest.put(endpoint + "/" + server.name + "/" + connections, (double) cpu / result.completed());
            }
            return result;
        }
    }

    /** Milliseconds of the server JVM's CPU time per request, by "endpoint/server/connections" (the last run of each). */
    private final Map<String, Double> cpuPerRequest = new HashMap<>();

    /** The same, of every measured round (warm-up runs left out). */
    private final Map<String, List<Double>> cpuRounds = new HashMap<>();

    /**
     * CPU time per request of each server's JVM during the measured runs: on a machine shared with other work it
     * shows the cost of each stack better than requests/s, which also counts the time a server waited for a core.
     */
    private void cpuTable() {
        Report.Table table = report.table("Server CPU per request (the JVM's user + system time / requests, ms)",
                "endpoint", "conns", "Strata", "baseline", "peer", "Strata/baseline", "Strata/peer");
        for (Endpoint endpoint : endpointsMeasured()) {
            for (int connections : options.concurrency()) {
                Double s = medianCpu(endpoint.name + "/strata/" + connections);
                Double b = medianCpu(endpoint.name + "/baseline/" + connections);
                Double e = medianCpu(endpoint.name + "/peer/" + connections);
                table.row(endpoint.title, connections, cpu(s), cpu(b), cpu(e),
                        s == null || b == null ? "-" : Report.ratio(s, b), s == null || e == null ? "-" : Report.ratio(s, e));
            }
        }
        table.note("From /proc/<pid>/stat before and after each measured wrk run (the median of the rounds): all of the JVM's threads (JIT compilation and "
                + "GC included), not PostgreSQL's. A ratio under 100% means Strata spends less CPU per request.");
        report.print(table);
    }

    private Double medianCpu(String key) {
        List<Double> values = cpuRounds.get(key);
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String cpu(Double millis) {
        return millis == null ? "-" : String.format(Locale.ROOT, "%.2f", millis);
    }

    /** Page 2..101 of the list, each behind a cursor the server itself issued (sealed with a digest). */
    private Path listPaths(Target system, ServerProcess server) {
        return listPaths.computeIfAbsent(system.name(), key -> {
            List<String> lines = new ArrayList<>();
            String path = LIST;
            for (int page = 0; page < VARIANTS; page++) {
                Http.Response response = Http.get(server.baseUrl + path, token);
                String cursor = response.field("nextCursor");
                if (response.status() != 200 || cursor == null) {
                    throw new BenchFailure(server.name + " list page " + page + ": " + response.status() + " " + Shell.tail(response.body(), 300));
                }
                path = LIST + "&cursor=" + cursor;
                lines.add(path);
            }
            return fixtures.lines("list-users-" + key, lines);
        });
    }

    private LoadResult pgbench(String endpoint, int clients, int seconds) throws SQLException {
        Map<String, String> constants = new LinkedHashMap<>();
        constants.put("acting_role", "ADMIN"); // the benchmark's token is the first admin's
        constants.put("acting_uid", adminId);
        Map<String, List<String>> perVariant = new LinkedHashMap<>();
        String script;
        switch (endpoint) {
            case "get-user" -> {
                script = StrataSql.GET_USER;
                perVariant.put("uid", userIds.subList(0, PGBENCH_VARIANTS));
            }
            case "get-project" -> {
                script = StrataSql.GET_PROJECT;
                perVariant.put("pid", readProjects.subList(0, PGBENCH_VARIANTS));
            }
            case "list-users" -> {
                script = StrataSql.LIST_USERS_AFTER_CURSOR;
                constants.put("role", "USER");
                constants.put("lim", String.valueOf(PAGE + 1));
                List<String[]> boundaries = fixtures.pageBoundaries(PGBENCH_VARIANTS, PAGE);
                perVariant.put("cat", boundaries.stream().map(b -> b[0]).toList());
                perVariant.put("cid", boundaries.stream().map(b -> b[1]).toList());
            }
            case "create-task" -> {
                script = StrataSql.CREATE_TASK;
                constants.putAll(Map.of("zero", "0", "estimate", "2.5", "priority", "MEDIUM", "todo", "TODO", "notags", "{}",
                        "title", "bench-task"));
                perVariant.put("pid", fixtures.newProjects(adminId, PGBENCH_VARIANTS));
            }
            case "update-project" -> {
                script = StrataSql.UPDATE_PROJECT;
                constants.put("description", "bench-update");
                perVariant.put("pid", updateProjects.subList(0, PGBENCH_VARIANTS));
            }
            default -> throw new IllegalArgumentException(endpoint);
        }
        return pgbench.run(endpoint, script, constants, perVariant, clients, seconds);
    }

    // ---- section 3: scaling with table size, deep pages ------------------------------------------------------------------

    private Report.Table scalingTable;

    private void scaling(int size) throws SQLException {
        progress("section 3: scaling at " + String.format(Locale.ROOT, "%,d", size) + " users");
        if (scalingTable == null) {
            scalingTable = report.table("Scaling with table size: one connection, latency in ms (p50 / p99) and requests/s",
                    "users", "endpoint", "Strata p50/p99", "Strata req/s", "baseline p50/p99", "baseline req/s", "pgbench p50/p99",
                    "pgbench tx/s", "plan (EXPLAIN of Strata's statement)");
        }
        userIds = fixtures.userIds(VARIANTS);
        listPaths.clear();
        int seconds = Math.max(3, options.seconds() / 2);
        for (String endpoint : List.of("get-user", "list-users")) {
            Map<Target, LoadResult> results = new LinkedHashMap<>();
            for (Target system : List.of(Target.STRATA, Target.BASELINE, Target.PGBENCH)) {
                if (system != Target.PGBENCH) {
                    // the first size is also the servers' first load: warm the JIT as section 1 does
                    measure(system, endpoint, 8, size == options.tableSizes().get(0) ? 3 * options.warmupSeconds() : 2);
                }
                results.put(system, measure(system, endpoint, 1, seconds));
            }
            String plan = endpoint.equals("get-user")
                    ? fixtures.planOf("select * from users uje1_0 where (uje1_0.id=?::uuid) fetch first 1 rows only", userIds.get(0))
                    : listPlan();
            scalingTable.row(String.format(Locale.ROOT, "%,d", size), endpoint.equals("get-user") ? "GET /users/{id}" : "list page (cursor)",
                    latency(results.get(Target.STRATA)), Report.rate(results.get(Target.STRATA).perSecond()),
                    latency(results.get(Target.BASELINE)), Report.rate(results.get(Target.BASELINE).perSecond()),
                    latency(results.get(Target.PGBENCH)), Report.rate(results.get(Target.PGBENCH).perSecond()), plan);
            scalingP50.computeIfAbsent(endpoint, k -> new LinkedHashMap<>()).put(size, results.get(Target.STRATA).p50Millis());
        }
    }

    private final Map<String, Map<Integer, Double>> scalingP50 = new LinkedHashMap<>();

    private String listPlan() throws SQLException {
        String[] boundary = fixtures.pageBoundaries(50, PAGE).get(49);
        // PostgreSQL's text form "2026-10-23 01:09:13.015+00" as an OffsetDateTime
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(boundary[0].replace(' ', 'T') + ":00");
        java.util.UUID id = java.util.UUID.fromString(boundary[1]);
        return fixtures.planOf(StrataSql.LIST_USERS_QUERY, "USER", at, at, at, id, PAGE + 1);
    }

    private static String latency(LoadResult r) {
        return Report.millis(r.p50Millis()) + " / " + Report.millis(r.p99Millis());
    }

    /** Keyset vs offset paging at page 1 and page 1000 of the largest table, Strata only. */
    private void deepPages() {
        progress("section 3: deep pages (keyset vs offset)");
        report.print(scalingTable);
        long rows;
        try {
            rows = fixtures.userCount();
        } catch (SQLException e) {
            throw new BenchFailure(e.getMessage(), e);
        }
        Report.Table table = report.table("Deep pages (" + String.format(Locale.ROOT, "%,d", rows)
                        + " users, Strata, one connection): latency in ms", "paging", "page", "p50", "p99", "req/s");
        // the cursor of page 1000: walk 999 pages, as a client would
        String path = LIST;
        for (int page = 1; page < 1000; page++) {
            Http.Response response = Http.get(strata.baseUrl + path, token);
            path = LIST + "&cursor=" + response.field("nextCursor");
        }
        String offsetList = "/api/v1/users?role=eq.USER&sort=-createdAt&size=" + PAGE;
        Map<String, String> runs = new LinkedHashMap<>();
        runs.put("keyset|1", LIST);
        runs.put("keyset|1000", path);
        runs.put("offset|1", offsetList + "&page=1");
        runs.put("offset|1000", offsetList + "&page=1000");
        int seconds = Math.max(3, options.seconds() / 2);
        for (Map.Entry<String, String> run : runs.entrySet()) {
            Path paths = fixtures.lines("deep-page", List.of(run.getValue()));
            wrk.run(strata.baseUrl, "get.lua", paths, token, 1, 1);
            LoadResult r = wrk.run(strata.baseUrl, "get.lua", paths, token, 1, seconds);
            String[] key = run.getKey().split("\\|");
            table.row(key[0], key[1], Report.millis(r.p50Millis()), Report.millis(r.p99Millis()), Report.rate(r.perSecond()));
        }
        report.print(table);
    }

    // ---- section 5: statements per request ---------------------------------------------------------------------------------

    private void statementsPerRequest() throws SQLException {
        progress("section 5: SQL statements per request");
        Report.Table table = report.table("SQL statements per request (pg_stat_statements, 50 requests each)",
                "endpoint", "Strata statements", "Strata transactions", "baseline statements", "baseline transactions",
                "peer statements", "peer transactions", "Strata's statements", "peer's statements");
        int n = 50;
        awaitNoTransactions();
        for (Endpoint endpoint : endpointsMeasured()) {
            String[] strataCounts = countStatements(strata, endpoint.name, n);
            String[] baselineCounts = countStatements(baseline, endpoint.name, n);
            String[] peerCounts = peer == null ? new String[]{"-", "-", ""} : countStatements(peer, endpoint.name, n);
            table.row(endpoint.title, strataCounts[0], strataCounts[1], baselineCounts[0], baselineCounts[1], peerCounts[0],
                    peerCounts[1], strataCounts[2], peerCounts[2]);
        }
        table.note("Statements include BEGIN (or BEGIN READ ONLY) and COMMIT. Strata and the baseline answer a warm bearer token "
                + "from an in-process cache (no statement); the Spring peer looks it up in a transaction of its own on every "
                + "request. (pg_stat_statements does not list COMMIT; every BEGIN not rolled back is counted as one.)");
        report.print(table);
    }

    /**
     * Waits (at most 10 s) for a window of 300 ms in which no transaction begins in the strata database. The section
     * follows the log-ins, and Strata still finishes the ones queued for a hashing slot after wrk has stopped: each
     * is a transaction of its own that a full run counted under GET /users/{id} (1.14 transactions per request).
     */
    private void awaitNoTransactions() throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            fixtures.execute("SELECT pg_stat_statements_reset()");
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try (Connection c = fixtures.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_database d "
                         + "ON d.oid = s.dbid WHERE d.datname = 'strata' AND s.query ILIKE 'BEGIN%'")) {
                if (rs.next() && rs.getLong(1) == 0) {
                    return;
                }
            }
        }
        progress("section 5: transactions still running after 10 s; counting anyway");
    }

    /** Returns {statements per request, transactions per request, the statements themselves}. */
    private String[] countStatements(ServerProcess server, String endpoint, int n) throws SQLException {
        List<String> projects = endpoint.equals("create-task") ? fixtures.newProjects(adminId, n) : readProjects.subList(0, n);
        List<Long> versions = fixtures.projectVersions(projects);
        fixtures.execute("SELECT pg_stat_statements_reset()");
        for (int i = 0; i < n; i++) {
            Http.Response response = switch (endpoint) {
                case "get-user" -> Http.get(server.baseUrl + "/api/v1/users/" + userIds.get(i), token);
                case "get-project" -> Http.get(server.baseUrl + "/api/v1/projects/" + projects.get(i), token);
                case "list-users" -> Http.get(server.baseUrl + LIST, token);
                case "create-task" -> Http.postJson(server.baseUrl + "/api/v1/projects/" + projects.get(i) + "/tasks", token,
                        "{\"title\":\"counted task\",\"priority\":\"LOW\"}");
                case "update-project" -> Http.patch(server.baseUrl + "/api/v1/projects/" + projects.get(i), token,
                        // a description no other server wrote: an unchanged row is no update for Hibernate
                        "\"" + versions.get(i) + "\"", "{\"description\":\"counted update " + server.name + " " + i + "\"}");
                default -> throw new IllegalArgumentException(endpoint);
            };
            if (response.status() >= 300) {
                throw new BenchFailure(server.name + " " + endpoint + ": " + response.status() + " " + Shell.tail(response.body(), 300));
            }
        }
        long calls = 0;
        long begins = 0;
        long rollbacks = 0;
        List<String> kinds = new ArrayList<>();
        try (Connection c = fixtures.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                     + "WHERE d.datname = 'strata' AND query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC, query")) {
            while (rs.next()) {
                long count = rs.getLong(1);
                String query = rs.getString(2).strip();
                calls += count;
                if (query.regionMatches(true, 0, "BEGIN", 0, 5)) {   // BEGIN, or pgjdbc's BEGIN READ ONLY
                    begins += count;
                } else if (query.equalsIgnoreCase("ROLLBACK")) {
                    rollbacks += count;
                }
                if (count * 10 >= n) {   // statements of (nearly) every request; the rest (e.g. a pool's idle check) only count
                    String verb = query.toUpperCase(Locale.ROOT).startsWith("BEGIN READ ONLY") ? "BEGIN READ ONLY"
                            : query.split("\\s+")[0].toUpperCase(Locale.ROOT);
                    kinds.add(verb + (count == n ? "" : "×" + String.format(Locale.ROOT, "%.2f", count / (double) n)));
                }
            }
        }
        long commits = begins - rollbacks;
        double perRequest = (calls + commits) / (double) n;
        if (server == strata) {
            statementCounts.put(endpoint, perRequest);
        }
        return new String[]{String.format(Locale.ROOT, "%.2f", perRequest), String.format(Locale.ROOT, "%.2f", begins / (double) n),
                String.join(" ", kinds)};
    }

    private final Map<String, Double> statementCounts = new LinkedHashMap<>();

    // ---- section 4b: memory under load ---------------------------------------------------------------------------------

    private void memory() {
        if (peakRssKb.isEmpty()) {
            return;   // no load ran (--only without http or scaling): nothing to report but the start, shown above
        }
        Report.Table table = report.table("Memory (resident set size of each server's JVM)", "server", "after start", "peak under load", "target");
        long endpointsPeak = peakRssKb.getOrDefault("strata", 0L);
        long strataPeak = Math.max(endpointsPeak, loginPeakRssKb);
        table.row("Strata", Report.megabytes(strataStartRss), Report.megabytes(strataPeak), "<= 250 MB after start, <= 350 MB peak");
        if (loginPeakRssKb > 0) {
            table.row("  Strata, the side-by-side endpoints only", "", Report.megabytes(endpointsPeak), "");
            table.row("  Strata, the log-ins only", "", Report.megabytes(loginPeakRssKb), "");
        }
        table.row("baseline", "", Report.megabytes(peakRssKb.getOrDefault("baseline", 0L)), "");
        long peerPeak = peakRssKb.getOrDefault("peer", 0L);
        if (peer != null) {
            table.row("Spring peer", Report.megabytes(peerStartRss), Report.megabytes(peerPeak), "");
            // the peer serves no log-in: compared on the endpoints both serve
            targets.put("peak RSS under the side-by-side endpoints vs the Spring peer", Report.megabytes(endpointsPeak) + " vs "
                    + Report.megabytes(peerPeak) + " (target: below the peer)" + (peerPeak > 0 && endpointsPeak < peerPeak ? "" : " MISSED"));
        }
        table.note("Sampled every 100 ms from /proc/<pid>/status (VmRSS) during every wrk run. All three JVMs run with "
                + "bootstrap/jvm.options. Strata's peak includes its log-in section, which only Strata serves.");
        targets.put("RSS after start", Report.megabytes(strataStartRss) + " (target <= 250 MB)"
                + (strataStartRss > 0 && strataStartRss <= 250 * 1024 ? "" : " MISSED"));
        targets.put("RSS peak under load", Report.megabytes(strataPeak) + " (target <= 350 MB)"
                + (strataPeak <= 350 * 1024 ? "" : " MISSED"));
        report.print(table);
    }


    // ---- section 2: bulk load ----------------------------------------------------------------------------------------

    private void bulk() throws SQLException {
        Fixtures bulkDb = new Fixtures(postgres, "bulk", work.resolve("paths"));
        progress("section 2: bulk load (migrating the bulk database with a Strata start)");
        launchStrata("bulk-migrate", withPort(strataEnv("bulk"), embeddedStrataPort), embeddedStrataPort).close();
        Report.Table table = report.table("Bulk load into users (8 indexes, 2 of them GIN): rows/s",
                "rows", "method", "seconds", "rows/s", "vs JDBC batching", "vs row by row");
        double rowByRow = 0;
        for (int rows : options.bulkSizes()) {
            Map<String, Double> rates = new LinkedHashMap<>();
            if (rowByRow == 0) {
                int sample = Math.min(rows, options.rowByRowRows());
                truncateUsers(bulkDb);
                double seconds = timed(() -> {
                    try (Connection c = bulkDb.connect()) {
                        new SampleUsers("rbr", java.time.Instant.now()).insertRowByRow(c, 0, sample);
                    }
                });
                rowByRow = sample / seconds;
                table.row(String.format(Locale.ROOT, "%,d", sample), "JDBC row by row (one INSERT per row)",
                        String.format(Locale.ROOT, "%.1f", seconds), Report.rate(rowByRow), "", "1x");
            }
            truncateUsers(bulkDb);
            double batchSeconds = timed(() -> {
                try (Connection c = bulkDb.connect()) {
                    new SampleUsers("jdbc", java.time.Instant.now()).insertBatched(c, 0, rows, 1000);
                }
            });
            rates.put("JDBC batching (1,000 per batch, reWriteBatchedInserts)", rows / batchSeconds);
            truncateUsers(bulkDb);
            double sameRowsSeconds = timed(() -> {
                try (Connection c = bulkDb.connect()) {
                    new SampleUsers("jdbcev", java.time.Instant.now()).insertBatchedWithEvents(c, 0, rows, 1000);
                }
            });
            rates.put(SAME_ROWS, rows / sameRowsSeconds);
            truncateUsers(bulkDb);
            double copySeconds = timed(() -> {
                try (Connection c = bulkDb.connect()) {
                    new SampleUsers("copy", java.time.Instant.now()).copy(c, 0, rows);
                }
            });
            rates.put("COPY FROM STDIN", rows / copySeconds);
            truncateUsers(bulkDb);
            double strataSeconds = strataSeed(rows);
            rates.put("Strata: ./strata db seed --users " + rows, rows / strataSeconds);
            double batchRate = rows / batchSeconds;
            Map<String, Double> seconds = Map.of("JDBC batching (1,000 per batch, reWriteBatchedInserts)", batchSeconds,
                    SAME_ROWS, sameRowsSeconds, "COPY FROM STDIN", copySeconds, "Strata: ./strata db seed --users " + rows, strataSeconds);
            for (Map.Entry<String, Double> rate : rates.entrySet()) {
                table.row(String.format(Locale.ROOT, "%,d", rows), rate.getKey(), String.format(Locale.ROOT, "%.1f", seconds.get(rate.getKey())),
                        Report.rate(rate.getValue()), Report.ratio(rate.getValue(), batchRate),
                        String.format(Locale.ROOT, "%.0fx", rate.getValue() / rowByRow));
            }
            double strataRate = rows / strataSeconds;
            double sameRowsRate = rows / sameRowsSeconds;
            targets.put("bulk " + String.format(Locale.ROOT, "%,d", rows) + " rows vs JDBC batching of the same rows (users and events)",
                    Report.ratio(strataRate, sameRowsRate) + " (target >= 80%)" + (strataRate >= 0.8 * sameRowsRate ? "" : " MISSED"));
            targets.put("bulk " + String.format(Locale.ROOT, "%,d", rows) + " rows vs JDBC batching of the users alone", Report.ratio(strataRate, batchRate)
                    + " (Strata writes an event per user as well)");
            targets.put("bulk " + String.format(Locale.ROOT, "%,d", rows) + " rows vs row by row", String.format(Locale.ROOT, "%.0fx", strataRate / rowByRow)
                    + " (target >= 10x)" + (strataRate >= 10 * rowByRow ? "" : " MISSED"));
        }
        table.note("Strata's seed writes each user's UserRegistered event to the outbox (events, 5 indexes) in the same transaction; "
                + "the batching row of the same rows does too, the other raw rows write the users only. "
                + "The seed writes two batches at once (its default --jobs 2, two connections); the JDBC rows use one. "
                + "Each load starts from an empty table (TRUNCATE, CHECKPOINT). Strata's figure is the seeding command's own "
                + "timing of its inserts (JVM start and migrations check excluded, as connection set-up is for the others); "
                + "row by row is measured on a sample.");
        report.print(table);
    }

    private static final String SAME_ROWS = "JDBC batching of the users and their events (the rows db seed writes)";

    private static Map<String, String> withPort(Map<String, String> env, int port) {
        env.put("PORT", String.valueOf(port));
        return env;
    }

    private static final Pattern SEEDED = Pattern.compile("seeded users (\\d+) rows in (\\d+) ms");

    private double strataSeed(int rows) {
        Shell.Result result = Shell.runChecked(List.of(options.root().resolve("strata").toString(), "db", "seed", "--users", String.valueOf(rows)),
                strataEnv("bulk"), options.root(), 3600);
        Matcher m = SEEDED.matcher(result.out());
        if (!m.find()) {
            throw new BenchFailure("unexpected output of ./strata db seed:\n" + Shell.tail(result.combined(), 1000));
        }
        return Long.parseLong(m.group(2)) / 1000.0;
    }

    private static void truncateUsers(Fixtures db) throws SQLException {
        db.execute("TRUNCATE users, events CASCADE");
        db.execute("CHECKPOINT");
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static double timed(SqlWork work) throws SQLException {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    // ---- summary --------------------------------------------------------------------------------------------------------

    private void targetsTable() {
        Report.Table table = report.table("Targets", "target", "measured");
        scalingP50.forEach((endpoint, bySize) -> {
            if (bySize.size() > 1) {
                double smallest = bySize.values().iterator().next();
                double largest = bySize.values().stream().reduce((a, b) -> b).orElse(smallest);
                targets.put("flat cost " + endpoint + " p50 " + String.join(" → ", bySize.keySet().stream()
                                .map(k -> String.format(Locale.ROOT, "%,d", k)).toList()),
                        bySize.values().stream().map(Report::millis).reduce((a, b) -> a + " → " + b).orElse("")
                                + " ms" + (largest <= smallest * 1.5 + 0.2 ? "" : " NOT FLAT"));
            }
        });
        targets.forEach(table::row);
        report.print(table);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------------

    private static String ms(long millis) {
        return millis < 0 ? "-" : String.format(Locale.ROOT, "%,d ms", millis);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    static void progress(String message) {
        System.err.println("bench: " + message);
        System.err.flush();
    }
}

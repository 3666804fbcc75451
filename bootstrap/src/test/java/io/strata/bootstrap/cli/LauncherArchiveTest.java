package io.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code ./strata}, the script itself): its class data sharing archive, which only a server start may
 * record, and the JVM options it passes. An archive recorded at the exit of {@code --help} would hold picocli's classes only and, newer than the jar,
 * be the one every later start maps (twice as slow to the first 200). Runs the real script in a copy of the project
 * layout whose jar is a stand-in that prints its arguments and exits: nothing to build, no server, no database. The
 * stand-in never reports a start, so a server start's training fails and the launcher falls back to recording the
 * archive at that start's exit, which the serve tests check. On JDK 25 and later the archive is the JVM's AOT cache
 * ({@code strata.aot}) under the same rules: the {@code onJava25} tests run the script on such a JDK when this machine
 * has one beside the JDK running the tests, and are skipped otherwise.
 */
class LauncherArchiveTest {
    @TempDir
    Path root;

    /** Outside the layout: the launcher rebuilds the jar when a file under a src folder is newer than it. */
    @TempDir
    Path work;

    /** The archive the launcher keeps on the JDK running this test. */
    private Path archive;

    /** {@code strata.aot}: the archive on JDK 25 and later, whichever JDK runs this test. */
    private Path aotCache;

    @BeforeEach
    void layout() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path script = root.resolve("strata");
        Files.copy(repository.resolve("strata"), script);
        assertThat(script.toFile().setExecutable(true)).isTrue();
        Path target = Files.createDirectories(root.resolve("bootstrap/target"));
        Files.copy(repository.resolve("bootstrap/jvm.options"), root.resolve("bootstrap/jvm.options"));
        Path jar = target.resolve("strata.jar");
        writeStandInJar(jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        aotCache = target.resolve("strata.aot");
        // the launcher runs on the JDK running this test: its archive is the AOT cache from JDK 25 on
        archive = Runtime.version().feature() >= 25 ? aotCache : target.resolve("strata.jsa");
    }

    @Test
    void helpAndVersionRecordNoArchive() throws Exception {
        assertThat(run("--help")).contains("stand-in [--help]");
        assertThat(archive).doesNotExist();
        assertThat(run("--version")).contains("stand-in [--version]");
        assertThat(run("-V")).contains("stand-in [-V]");
        assertThat(run("db", "verify")).contains("stand-in [db, verify]");
        assertThat(archive)
                .as("no command but a server start records the archive")
                .doesNotExist();
        assertThat(aotCache).doesNotExist();
    }

    @Test
    void aServerStartWithoutACurrentArchiveRecordsOne() throws Exception {
        assertThat(run("serve")).contains("stand-in [serve]");
        assertThat(archive)
                .as("recorded at the exit of the serve whose training failed")
                .exists();
        assertThat(Files.getLastModifiedTime(archive).toMillis())
                .isGreaterThan(Files.getLastModifiedTime(root.resolve("bootstrap/target/strata.jar"))
                        .toMillis());
        String mapping = Runtime.version().feature() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertThat(run("serve", "again")).as("the next start maps the archive").contains(mapping + archive);
    }

    @Test
    void onJava25HelpRecordsNoAotCache() throws Exception {
        Path jdk = newerJdk();
        assumeTrue(jdk != null, "no JDK 25 or later on this machine");
        assertThat(run(jdk, "--help")).contains("stand-in [--help]");
        assertThat(run(jdk, "--version")).contains("stand-in [--version]");
        assertThat(aotCache).doesNotExist();
        assertThat(target().resolve("strata.jsa")).doesNotExist();
    }

    @Test
    void onJava25AServerStartRecordsAnAotCacheThatTheNextStartUses() throws Exception {
        Path jdk = newerJdk();
        assumeTrue(jdk != null, "no JDK 25 or later on this machine");
        assertThat(run(jdk, "serve")).contains("stand-in [serve]");
        assertThat(aotCache)
                .as("recorded at the exit of the serve whose training failed")
                .exists();
        assertThat(target().resolve("strata.jsa"))
                .as("no class data sharing archive on JDK 25")
                .doesNotExist();
        long recorded = Files.getLastModifiedTime(aotCache).toMillis();
        assertThat(run(jdk, "serve", "again"))
                .contains("stand-in [serve, again]")
                .as("the next start maps the cache")
                .contains("-XX:AOTCache=" + aotCache)
                .doesNotContain("-XX:AOTCacheOutput")
                .doesNotContain("AOT cache")
                .doesNotContain("aot]");
        assertThat(Files.getLastModifiedTime(aotCache).toMillis())
                .as("a current cache is used, not recorded again")
                .isEqualTo(recorded);
    }

    @Test
    void aCollectorInJavaOptsReplacesTheOneOfJvmOptions() throws Exception {
        // bootstrap/jvm.options selects the parallel collector; a second one makes the JVM refuse to start
        assertThat(runWithJavaOpts("-XX:+UseSerialGC", "--version"))
                .contains("stand-in [--version]", "-XX:+UseSerialGC")
                .doesNotContain("-XX:+UseParallelGC");
        assertThat(runWithJavaOpts("-Xmx64m -XX:+UseG1GC", "--version"))
                .contains("stand-in [--version]", "-XX:+UseG1GC", "-Xmx64m")
                .doesNotContain("-XX:+UseParallelGC");
        assertThat(runWithJavaOpts("-Xmx64m", "--version"))
                .as("without a collector in JAVA_OPTS the file's stays")
                .contains("-XX:+UseParallelGC", "-Xmx64m");
    }

    @Test
    void aTrainingThatSucceedsLeavesAnArchiveTheNextStartsMap() throws Exception {
        // the stand-in serves /health while it trains (PORT=-1), as Strata does: the training succeeds
        ProcessBuilder builder = launcher(null, null, "serve");
        builder.environment().put("STANDIN_SERVES", "1");
        Process training = builder.start();
        assertThat(training.waitFor(120, TimeUnit.SECONDS))
                .as("the launcher finished")
                .isTrue();
        String output = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(training.exitValue()).as(output).isZero();
        assertThat(output).contains("strata: recording the").doesNotContain("a training start failed");
        assertThat(archive).as(output).exists();
        if (Runtime.version().feature() < 25) {
            // a static archive (-Xshare:dump of the training restart's class list), not one recorded at an exit
            byte[] header = new byte[4];
            try (var in = Files.newInputStream(archive)) {
                assertThat(in.read(header)).isEqualTo(4);
            }
            assertThat(java.nio.ByteBuffer.wrap(header)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .getInt())
                    .as("the static archive's magic number")
                    .isEqualTo(0xf00baba2);
        }
        long trained = Files.getLastModifiedTime(archive).toMillis();
        String mapping = Runtime.version().feature() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertThat(run("serve", "again")).contains(mapping + archive);
        // -Xshare:on refuses to start a JVM that cannot map its archive: this one maps it
        assertThat(runWithJavaOpts("-Xshare:on", "serve", "once more"))
                .contains("stand-in [serve, once more]", mapping + archive);
        assertThat(Files.getLastModifiedTime(archive).toMillis())
                .as("a current archive is used, not trained again")
                .isEqualTo(trained);
    }

    @Test
    void aLauncherStoppedWhileItTrainsStopsTheTrainingStart() throws Exception {
        Path pidFile = work.resolve("training.pid");
        ProcessBuilder builder = launcher(null, null, "serve")
                .redirectOutput(work.resolve("launcher.log").toFile());
        builder.environment().put("STANDIN_PID_FILE", pidFile.toString());
        Process launcher = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pidFile).as("the training start is running").exists();
        ProcessHandle training = ProcessHandle.of(
                        Long.parseLong(Files.readString(pidFile).strip()))
                .orElseThrow();

        launcher.destroy(); // SIGTERM, as a supervisor stops it
        assertThat(launcher.waitFor(30, TimeUnit.SECONDS))
                .as("the launcher stopped")
                .isTrue();
        assertThat(launcher.exitValue()).isEqualTo(143);
        assertThat(training.onExit().get(30, TimeUnit.SECONDS).isAlive())
                .as("the training start stopped with it")
                .isFalse();
        assertThat(archive).as("no archive of an interrupted training").doesNotExist();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.filter(Files::isDirectory)
                            .map(path -> path.getFileName().toString()))
                    .as("the training's temporary directory is removed")
                    .allMatch(name -> name.equals("sources") || name.equals("classes"));
        }
    }

    private Path target() {
        return root.resolve("bootstrap/target");
    }

    private String run(String... args) throws Exception {
        return launch(null, null, args);
    }

    private String run(Path javaHome, String... args) throws Exception {
        return launch(javaHome, null, args);
    }

    private String runWithJavaOpts(String javaOpts, String... args) throws Exception {
        return launch(null, javaOpts, args);
    }

    /** Runs the script on {@code javaHome} (null: the JDK running this test) with {@code javaOpts} (null: none). */
    private String launch(Path javaHome, String javaOpts, String... args) throws Exception {
        Process process = launcher(javaHome, javaOpts, args).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the launcher finished")
                .isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private ProcessBuilder launcher(Path javaHome, String javaOpts, String... args) {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("strata").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("STRATA_DATA_DIR", root.resolve("data").toString());
        builder.environment().remove("JAVA_OPTS");
        if (javaOpts != null) {
            builder.environment().put("JAVA_OPTS", javaOpts);
        }
        builder.environment()
                .put("JAVA_HOME", javaHome != null ? javaHome.toString() : System.getProperty("java.home"));
        // the failed training keeps its logs in a mktemp directory: here, so that the test leaves nothing behind
        builder.environment().put("TMPDIR", work.toString());
        return builder;
    }

    /** A JDK 25 or later next to the one running this test (or under /usr/lib/jvm); null when there is none. */
    private static Path newerJdk() throws IOException {
        Set<Path> places = new LinkedHashSet<>();
        Path running = Path.of(System.getProperty("java.home")).toAbsolutePath();
        if (running.getParent() != null) {
            places.add(running.getParent());
        }
        places.add(Path.of("/usr/lib/jvm"));
        for (Path place : places) {
            if (!Files.isDirectory(place)) {
                continue;
            }
            try (Stream<Path> homes = Files.list(place)) {
                Optional<Path> found = homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                        .filter(home -> major(home) >= 25)
                        .findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return null;
    }

    private static int major(Path home) {
        try {
            Matcher version =
                    Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A jar whose main prints {@code stand-in [args]} and exits. */
    private void writeStandInJar(Path jar) throws IOException {
        Path sources = Files.createDirectories(work.resolve("sources"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path source = sources.resolve("StandIn.java");
        Files.writeString(source, """
                public class StandIn {
                    public static void main(String[] args) throws Exception {
                        System.out.println("stand-in " + java.util.Arrays.toString(args));
                        System.out.println("jvm " + java.lang.management.ManagementFactory.getRuntimeMXBean()
                                .getInputArguments());
                        if (System.getenv("STANDIN_SERVES") != null && "-1".equals(System.getenv("PORT"))
                                && args.length > 0 && args[0].equals("serve")) {
                            // a training start: serves /health on a free port, says where, runs until SIGTERM
                            var server = com.sun.net.httpserver.HttpServer.create(
                                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
                            server.createContext("/health", exchange -> {
                                exchange.sendResponseHeaders(200, -1);
                                exchange.close();
                            });
                            server.start();
                            System.out.println("Strata started in 1 ms: http://127.0.0.1:"
                                    + server.getAddress().getPort() + " (stand-in)");
                            Thread.sleep(120_000);
                        }
                        String hang = System.getenv("STANDIN_PID_FILE");
                        if (hang != null && args.length > 0 && args[0].equals("serve")) {
                            // a start that never reports: the launcher's training waits for it
                            java.nio.file.Files.writeString(
                                    java.nio.file.Path.of(hang), Long.toString(ProcessHandle.current().pid()));
                            Thread.sleep(120_000);
                        }
                    }
                }
                """);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", classes.toString(), source.toString()))
                .isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandIn");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("StandIn.class"));
            out.write(Files.readAllBytes(classes.resolve("StandIn.class")));
            out.closeEntry();
        }
    }
}

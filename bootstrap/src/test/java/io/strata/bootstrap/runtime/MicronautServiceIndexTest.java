package io.strata.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.testing.EmbeddedClusters;
import io.strata.bootstrap.testing.ForkedStrata;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list of Micronaut's services the build writes into {@code strata.jar}: it finds what Micronaut's own scan
 * finds, its loaders create what Micronaut's scan creates, and a server started from a jar that holds it serves
 * without Micronaut opening a zip file system at all (the start-up work the list exists to save).
 */
class MicronautServiceIndexTest {

    private static final ClassLoader LOADER = MicronautServiceIndexTest.class.getClassLoader();

    @TempDir
    Path dir;

    private static List<Path> classPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .map(Path::of)
                .toList();
    }

    private static Map<String, Set<String>> sorted(Map<String, Set<String>> services) {
        Map<String, Set<String>> sorted = new TreeMap<>();
        services.forEach((type, names) -> sorted.put(type, new TreeSet<>(names)));
        return sorted;
    }

    @Test
    void theScanOfAClassPathFindsWhatMicronautFinds() throws IOException {
        Map<String, Set<String>> scanned = MicronautServiceIndex.scan(classPath());

        assertThat(sorted(scanned))
                .isEqualTo(sorted(MicronautMetaServiceLoaderUtils.findAllMicronautMetaServices(LOADER)));
        assertThat(scanned.get(BeanDefinitionReference.class.getName()))
                .as("Strata's own beans are listed")
                .anyMatch(name -> name.startsWith("io.strata.bootstrap."))
                .anyMatch(name -> name.startsWith("io.strata.adapters.web."));
    }

    @Test
    void theWrittenListReadsBackAsScanned() throws IOException {
        Path file = dir.resolve("nested/services.idx");

        MicronautServiceIndex.main(new String[] {file.toString(), System.getProperty("java.class.path")});

        try (InputStream in = Files.newInputStream(file)) {
            assertThat(MicronautServiceIndex.read(in)).isEqualTo(MicronautServiceIndex.scan(classPath()));
        }
    }

    @Test
    void theCheckOfAJarFindsAListOutOfStepWithIt() throws IOException {
        Path jar = dir.resolve("services.jar");
        writeJar(jar, "a.Service a.One\na.Service a.Two\n", "a.Service/a.One", "a.Service/a.Two");
        assertThat(MicronautServiceIndex.check(jar)).isNull();

        writeJar(jar, "a.Service a.One\na.Service a.Gone\n", "a.Service/a.One", "a.Service/a.New");
        assertThat(MicronautServiceIndex.check(jar))
                .contains("not listed [a.Service a.New]")
                .contains("listed but absent [a.Service a.Gone]");

        writeJar(jar, null, "a.Service/a.One");
        assertThat(MicronautServiceIndex.check(jar)).contains("holds no " + MicronautServiceIndex.RESOURCE);
    }

    private static void writeJar(Path jar, String list, String... services) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            if (list != null) {
                out.putNextEntry(new JarEntry(MicronautServiceIndex.RESOURCE));
                out.write(list.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (String service : services) {
                out.putNextEntry(new JarEntry("META-INF/micronaut/" + service));
                out.closeEntry();
            }
        }
    }

    @Test
    void itsLoadersCreateWhatMicronautsScanCreates() throws IOException {
        var loaders = new MicronautServiceIndex.Loaders(MicronautServiceIndex.scan(classPath()), LOADER);

        // listed under META-INF/micronaut/
        assertThat(classNames(
                        loaders.get(BeanDefinitionReference.class.getName()).load(null)))
                .isEqualTo(classNames(SoftServiceLoader.load(BeanDefinitionReference.class, LOADER)
                        .collectAll()))
                .hasSizeGreaterThan(500);
        // from META-INF/services files only, which the loaders read as Micronaut does
        assertThat(classNames(loaders.get(PropertySourceLoader.class.getName()).load(null)))
                .isEqualTo(classNames(SoftServiceLoader.load(PropertySourceLoader.class, LOADER)
                        .collectAll()))
                .contains("io.micronaut.context.env.yaml.YamlPropertySourceLoader");
        // a type nobody provides: a loader with nothing, not a scan
        assertThat(loaders.containsKey("no.such.Service")).isTrue();
        assertThat(loaders.get("no.such.Service").load(null)).isEmpty();
    }

    @Test
    void aListedClassThatIsMissingOrCannotBeCreatedIsSkippedAsMicronautSkipsIt() {
        var loaders = new MicronautServiceIndex.Loaders(
                Map.of(
                        Runnable.class.getName(),
                        new java.util.LinkedHashSet<>(List.of(
                                "no.such.Implementation", // absent
                                Runtime.class.getName(), // no public constructor
                                NotPublic.class.getName(), // a public constructor in a class that is not public
                                Abstract.class.getName(), // nothing to create
                                LacksAClass.class.getName(), // its constructor meets a class that is absent
                                Thread.class.getName()))),
                LOADER);
        StaticServiceLoader<?> runnables = loaders.get(Runnable.class.getName());

        assertThat(runnables.load(null)).singleElement().isInstanceOf(Thread.class);
        assertThat(runnables.findAll(name -> true).map(SoftServiceLoader.StaticDefinition::getName))
                .containsExactly(LacksAClass.class.getName(), Thread.class.getName());
        assertThat(runnables.load(name -> false, null)).isEmpty();
        assertThat(runnables.load(service -> false)).isEmpty();
    }

    @Test
    void whatAServicesConstructorThrowsIsPassedOnAsItThrewIt() {
        var loaders = new MicronautServiceIndex.Loaders(
                Map.of(Runnable.class.getName(), Set.of(ThrowsInConstructor.class.getName())), LOADER);

        assertThatThrownBy(() -> loaders.get(Runnable.class.getName()).load(null))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("a broken service");
    }

    /** A public constructor, but a public lookup cannot reach the class. */
    static final class NotPublic implements Runnable {
        public NotPublic() {}

        @Override
        public void run() {}
    }

    /** A public class with a public constructor, but abstract. */
    public abstract static class Abstract implements Runnable {
        public Abstract() {}
    }

    /** Its constructor fails for want of a class, as a service whose optional dependency is absent would. */
    public static final class LacksAClass implements Runnable {
        public LacksAClass() {
            throw new NoClassDefFoundError("some/Optional");
        }

        @Override
        public void run() {}
    }

    /** Its constructor throws: a broken service, whose error the start must see as it was thrown. */
    public static final class ThrowsInConstructor implements Runnable {
        public ThrowsInConstructor() {
            throw new IllegalStateException("a broken service");
        }

        @Override
        public void run() {}
    }

    /** Counts its initializations (a class is initialized once per class loader). */
    public static final class InitializedAhead {
        static final java.util.concurrent.atomic.AtomicInteger INITIALIZED =
                new java.util.concurrent.atomic.AtomicInteger();

        static {
            INITIALIZED.incrementAndGet();
        }

        public InitializedAhead() {}
    }

    /** Its static initializer fails, as that of a bean definition whose optional dependency is absent would. */
    public static final class FailsToInitialize {
        static final Object VALUE = fail();

        public FailsToInitialize() {}

        private static Object fail() {
            throw new NoClassDefFoundError("some/Optional");
        }
    }

    /** Its static initializer throws: a broken definition, whose error must still fail the start. */
    public static final class ThrowsOnInitialization {
        static final Object VALUE = fail();

        public ThrowsOnInitialization() {}

        private static Object fail() {
            throw new IllegalStateException("a broken definition");
        }
    }

    @Test
    void theListedDefinitionsAreInitializedAheadOnAThreadOfTheirOwn() throws InterruptedException {
        String definitions = MicronautServiceIndex.INITIALIZED_AHEAD.get(0);
        String broken = ThrowsOnInitialization.class.getName();
        var loaders = new MicronautServiceIndex.Loaders(
                Map.of(
                        definitions,
                        new java.util.LinkedHashSet<>(List.of(
                                "no.such.Definition",
                                FailsToInitialize.class.getName(),
                                broken,
                                InitializedAhead.class.getName())),
                        Runnable.class.getName(), // not a type every start creates all of: left alone
                        Set.of(NotInitialized.class.getName())),
                LOADER);

        Thread thread = MicronautServiceIndex.initializeAhead(loaders);
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(thread.isDaemon()).isTrue();
        // past the missing class and the failing ones
        assertThat(InitializedAhead.INITIALIZED).hasValue(1);
        assertThat(NOT_INITIALIZED_RAN).isFalse(); // read here, NotInitialized's own field would initialize it

        StaticServiceLoader<?> loader = loaders.get(definitions);
        // Micronaut then loads what it would have loaded, and skips what it would have skipped
        assertThat(loader.load(name -> !name.equals(broken), null))
                .singleElement()
                .isInstanceOf(InitializedAhead.class);
        assertThat(InitializedAhead.INITIALIZED).hasValue(1);
        // and a definition whose initializer threw fails the start with that error, as without the thread
        assertThatThrownBy(() -> loader.load(name -> name.equals(broken), null))
                .isInstanceOf(ExceptionInInitializerError.class)
                .cause()
                .hasMessage("a broken definition");
    }

    private static final java.util.concurrent.CountDownLatch SLOW_ENTERED = new java.util.concurrent.CountDownLatch(1);
    private static final java.util.concurrent.CountDownLatch SLOW_MAY_FAIL = new java.util.concurrent.CountDownLatch(1);

    /** Its static initializer waits to be let go, then throws: Micronaut's loader meets it while it runs. */
    public static final class ThrowsWhileMicronautWaits {
        static final Object VALUE = failWhenLetGo();

        public ThrowsWhileMicronautWaits() {}

        private static Object failWhenLetGo() {
            SLOW_ENTERED.countDown();
            try {
                SLOW_MAY_FAIL.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("broken, and slow to say so");
        }
    }

    /**
     * Micronaut's loader reaches a definition while the thread is still initializing it: it waits on the class, meets
     * only a {@code NoClassDefFoundError} when the thread's initializer throws, and must still fail with that error.
     */
    @Test
    void aDefinitionThatThrowsWhileMicronautWaitsForItStillFailsTheStart() throws Exception {
        String definitions = MicronautServiceIndex.INITIALIZED_AHEAD.get(0);
        String broken = ThrowsWhileMicronautWaits.class.getName();
        var loaders = new MicronautServiceIndex.Loaders(
                Map.of(definitions, new java.util.LinkedHashSet<>(List.of(broken))), LOADER);
        Thread thread = MicronautServiceIndex.initializeAhead(loaders);
        assertThat(SLOW_ENTERED.await(10, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();

        var loading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                loaders.get(definitions).load(null);
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        Thread.sleep(200); // the loader is (most likely) waiting on the class's initialization by now
        SLOW_MAY_FAIL.countDown();

        assertThat(loading.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOf(ExceptionInInitializerError.class)
                .cause()
                .hasMessage("broken, and slow to say so");
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean NOT_INITIALIZED_RAN =
            new java.util.concurrent.atomic.AtomicBoolean();

    static final class NotInitialized {
        static {
            NOT_INITIALIZED_RAN.set(true);
        }
    }

    @Test
    void aJvmOnSeveralClassPathEntriesKeepsMicronautsScan() {
        // this JVM (the tests' class path) is not a packaged jar
        assertThat(MicronautServiceIndex.installIfPackaged()).isFalse();
    }

    /**
     * A real server from a one-jar class path holding the list (a jar whose manifest names the tests' class path, as
     * {@code strata.jar} holds it all): it starts, serves its routes and never loads the zip file system.
     */
    @Test
    void aServerStartedFromAJarWithTheListServesWithoutAZipFileSystem() throws Exception {
        Path jar = dir.resolve("strata-like.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes()
                .put(
                        Attributes.Name.CLASS_PATH,
                        classPath().stream()
                                .map(path -> path.toAbsolutePath().toUri().toString())
                                .collect(Collectors.joining(" ")));
        Path list = dir.resolve("services.idx");
        MicronautServiceIndex.main(new String[] {list.toString(), System.getProperty("java.class.path")});
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(MicronautServiceIndex.RESOURCE));
            out.write(Files.readAllBytes(list));
            out.closeEntry();
            // the configuration from this jar, ahead of the class path's copy: read through Micronaut's own loader,
            // it would open this jar as a zip file system (StrataContextBuilder reads it through the class loader)
            out.putNextEntry(new JarEntry("application.yml"));
            try (InputStream yml = LOADER.getResourceAsStream("application.yml")) {
                yml.transferTo(out);
            }
            out.closeEntry();
        }
        String url = TestPostgres.createFreshDatabase();
        int port = EmbeddedClusters.freePort();
        Path log = Path.of("target", "service-index-strata.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-Xlog:class+load=info:file=" + dir.resolve("classes.txt"),
                        "-cp",
                        jar.toString(),
                        "io.strata.bootstrap.Application",
                        "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(ForkedStrata.environment(url, port));
        Process strata = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port);
            assertThat(ForkedStrata.awaitHealthy(client, port, strata))
                    .as(ForkedStrata.log(log))
                    .isTrue();
            HttpResponse<String> users = client.send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/users")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).as("a route, guarded").isEqualTo(401);
            assertThat(users.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        } finally {
            strata.destroy();
            if (!strata.waitFor(30, TimeUnit.SECONDS)) {
                strata.destroyForcibly();
            }
        }
        List<String> loaded = Files.readAllLines(dir.resolve("classes.txt"), StandardCharsets.UTF_8);
        assertThat(loaded)
                .as("the JVM's class loading log")
                .anyMatch(line -> line.contains("io.strata.bootstrap.Application "));
        assertThat(loaded)
                .as(
                        "Micronaut took the list instead of scanning the class path, and the configuration came through the class loader: no zip file system")
                .noneMatch(line -> line.contains("jdk.nio.zipfs.ZipFileSystem "));
    }

    private static List<String> classNames(List<?> services) {
        List<String> names = new ArrayList<>();
        services.forEach(service -> names.add(service.getClass().getName()));
        names.sort(null);
        return names;
    }
}

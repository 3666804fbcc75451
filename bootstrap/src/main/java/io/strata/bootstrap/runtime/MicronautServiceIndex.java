package io.strata.bootstrap.runtime;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The list of Micronaut's services in {@code strata.jar} ({@code META-INF/micronaut/<service type>/<implementation>}:
 * the bean definitions, introspections, converters of every module), written when the jar is built and handed to
 * Micronaut when the jar starts, so that Micronaut does not have to find them itself. It would: to list those
 * entries, Micronaut opens the jar as a zip file system, which indexes all of its ~37,000 entries first; the scan was
 * 12% of a start's main thread (JFR, 1 ms sampling). With the list, Micronaut loads the same classes in the same way
 * (a public no-argument constructor; a class that cannot be loaded is skipped, as Micronaut skips it). The list goes
 * in through the hook Micronaut AOT uses ({@code StaticOptimizations}, {@code SoftServiceLoader.Optimizations});
 * should an upgrade of Micronaut change it, {@code MicronautServiceIndexTest} fails.
 *
 * <p>Only a start from the jar itself ({@code java -jar strata.jar}, the class path that one jar) uses it: a class
 * path of several entries (the tests, an IDE, a jar with extra modules beside it) may hold services the list does
 * not know, so there Micronaut scans as usual. The build writes the list from the very class path the jar is shaded
 * from ({@link #main}); {@code MicronautServiceIndexTest} checks it finds what Micronaut finds.
 */
public final class MicronautServiceIndex {

    /** Where the list is in the jar: one line per service, {@code <service type> <implementation>}. */
    public static final String RESOURCE = "META-INF/strata/micronaut-services.idx";

    private static final String SERVICES = "META-INF/micronaut/";
    /** The service types whose every implementation a start creates ({@link #initializeAhead}). */
    static final List<String> INITIALIZED_AHEAD = List.of(
            "io.micronaut.inject.BeanDefinitionReference", "io.micronaut.core.beans.BeanIntrospectionReference");

    /** The list {@link #install} handed to Micronaut, if any. */
    private static volatile Loaders installed;

    private MicronautServiceIndex() {}

    /**
     * Writes the list of the services on a class path (the build's step before packaging): {@code <output file>
     * [<class path>...]}, each class path in the platform's form ({@code a.jar:b.jar:classes}); without one, this
     * JVM's own.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException(
                    "usage: MicronautServiceIndex <output file> [<class path>...] | --check <jar>");
        }
        if (args[0].equals("--check")) {
            String mismatch = check(Path.of(args[1]));
            if (mismatch != null) {
                throw new IllegalStateException(mismatch);
            }
            return;
        }
        List<String> classPaths = args.length > 1
                ? List.of(args).subList(1, args.length)
                : List.of(System.getProperty("java.class.path", ""));
        List<Path> classPath = new ArrayList<>();
        for (String path : classPaths) {
            for (String element : path.split(File.pathSeparator)) {
                if (!element.isBlank()) {
                    classPath.add(Path.of(element));
                }
            }
        }
        Path output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, lines(scan(classPath)), StandardCharsets.UTF_8);
    }

    /**
     * The services under {@code META-INF/micronaut/} of each jar or directory of {@code classPath}, by service type,
     * in class path order (within one element, by name). Missing elements are skipped, as a class loader skips them.
     */
    static Map<String, Set<String>> scan(List<Path> classPath) throws IOException {
        Map<String, Set<String>> services = new LinkedHashMap<>();
        for (Path element : classPath) {
            Set<String> entries = new TreeSet<>();
            if (Files.isDirectory(element)) {
                Path root = element.resolve(SERVICES);
                if (Files.isDirectory(root)) {
                    try (Stream<Path> files = Files.walk(root, 2)) {
                        files.filter(Files::isRegularFile)
                                .map(file -> root.relativize(file).toString().replace(File.separatorChar, '/'))
                                .forEach(entries::add);
                    }
                }
            } else if (Files.isRegularFile(element)) {
                try (ZipFile jar = new ZipFile(element.toFile())) {
                    Enumeration<? extends ZipEntry> all = jar.entries();
                    while (all.hasMoreElements()) {
                        ZipEntry entry = all.nextElement();
                        if (!entry.isDirectory() && entry.getName().startsWith(SERVICES)) {
                            entries.add(entry.getName().substring(SERVICES.length()));
                        }
                    }
                }
            }
            for (String entry : entries) {
                int slash = entry.indexOf('/');
                // <type>/<implementation>, as Micronaut reads them: no deeper file, no hidden one
                if (slash > 0
                        && slash + 1 < entry.length()
                        && entry.indexOf('/', slash + 1) < 0
                        && entry.charAt(slash + 1) != '.') {
                    services.computeIfAbsent(entry.substring(0, slash), type -> new LinkedHashSet<>())
                            .add(entry.substring(slash + 1));
                }
            }
        }
        return services;
    }

    /**
     * Null when {@code jar}'s list names exactly the services the jar holds; what differs otherwise. The build runs
     * it on the shaded jar, so a list out of step with it (a step skipped, a stale file) fails the build instead of
     * leaving a bean out of every start.
     */
    static String check(Path jar) throws IOException {
        Map<String, Set<String>> listed;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(RESOURCE);
            if (entry == null) {
                return jar + " holds no " + RESOURCE;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                listed = read(in);
            }
        }
        Map<String, Set<String>> held = scan(List.of(jar));
        Set<String> missing = absentFrom(listed, held);
        Set<String> extra = absentFrom(held, listed);
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        return RESOURCE + " of " + jar + " is out of step with the jar: not listed " + missing + ", listed but absent "
                + extra + " (rebuild: ./mvnw package)";
    }

    /** {@code <type> <implementation>} of every service in {@code services} that {@code other} does not have. */
    private static Set<String> absentFrom(Map<String, Set<String>> other, Map<String, Set<String>> services) {
        Set<String> absent = new TreeSet<>();
        services.forEach((type, names) -> names.stream()
                .filter(name -> !other.getOrDefault(type, Set.of()).contains(name))
                .forEach(name -> absent.add(type + ' ' + name)));
        return absent;
    }

    private static List<String> lines(Map<String, Set<String>> services) {
        List<String> lines = new ArrayList<>();
        services.forEach((type, implementations) ->
                implementations.forEach(implementation -> lines.add(type + ' ' + implementation)));
        return lines;
    }

    static Map<String, Set<String>> read(InputStream in) throws IOException {
        Map<String, Set<String>> services = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                services.computeIfAbsent(line.substring(0, space), type -> new LinkedHashSet<>())
                        .add(line.substring(space + 1));
            }
        }
        return services;
    }

    /**
     * Hands the jar's list to Micronaut when this JVM runs from that one jar and Micronaut has not looked for its
     * services yet; answers whether it did. Call it before anything of Micronaut starts.
     */
    public static boolean installIfPackaged() {
        String classPath = System.getProperty("java.class.path", "");
        ClassLoader loader = MicronautServiceIndex.class.getClassLoader();
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        URL index = loader.getResource(RESOURCE);
        if (index == null || !"jar".equals(index.getProtocol())) {
            return false;
        }
        try (InputStream in = index.openStream()) {
            return install(read(in), loader);
        } catch (IOException | UncheckedIOException e) {
            return false; // Micronaut finds them itself
        }
    }

    /** Makes Micronaut take {@code services} (and each type's {@code META-INF/services} file) instead of scanning. */
    static boolean install(Map<String, Set<String>> services, ClassLoader loader) {
        try {
            Loaders loaders = new Loaders(services, loader);
            StaticOptimizations.set(new SoftServiceLoader.Optimizations(loaders));
            installed = loaders;
            return true;
        } catch (IllegalStateException alreadyRead) {
            return false; // Micronaut looked for its services before: it keeps scanning
        }
    }

    /**
     * Initializes, on a thread of its own, the classes of the listed bean definitions and introspections, which the
     * context's start creates every one of (their static initializers build their annotation metadata: 4.3% of a
     * restart's main thread, JFR). A start calls it before it opens the database, so that this runs while the main
     * thread waits on PostgreSQL (16 alternating restarts: the main thread's CPU to the first 200 1,060 -> 920 ms
     * median, the start 1,710 -> 1,605 ms). Only classes are initialized, as Micronaut's own scan does from several
     * threads on a machine of more cores. A class that fails here fails the same way for Micronaut: a missing class
     * is skipped as before, and an initializer that threw is the start's error as before (Micronaut is handed that
     * first error, not the bare {@code NoClassDefFoundError} a second attempt meets). Nothing without the list
     * ({@link #installIfPackaged}), nor when no thread can be started.
     */
    public static void initializeAhead() {
        Loaders loaders = installed;
        if (loaders != null) {
            initializeAhead(loaders);
        }
    }

    /** Starts the thread that initializes the classes listed for {@link #INITIALIZED_AHEAD}'s types. */
    static Thread initializeAhead(Loaders loaders) {
        Thread thread = new Thread(
                () -> {
                    for (String type : INITIALIZED_AHEAD) {
                        for (String name : loaders.services.getOrDefault(type, Set.of())) {
                            // there before the class can turn erroneous: a loader that meets the class so sees it
                            CompletableFuture<ExceptionInInitializerError> initialized = new CompletableFuture<>();
                            loaders.initializingAhead.put(name, initialized);
                            ExceptionInInitializerError failure = null;
                            try {
                                Class.forName(name, true, loaders.classLoader);
                            } catch (ExceptionInInitializerError failed) {
                                failure = failed; // what Micronaut would have met: it gets it
                            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                                // Micronaut meets the same when it loads the class, and skips it
                            } finally {
                                if (failure == null) {
                                    loaders.initializingAhead.remove(name);
                                }
                                initialized.complete(failure);
                            }
                        }
                    }
                },
                "micronaut-definitions");
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (OutOfMemoryError | RuntimeException e) {
            // no thread to spare: Micronaut initializes them as it creates them
        }
        return thread;
    }

    /**
     * A loader for every service type (Micronaut asks this map for each type it loads, and scans when it answers
     * none): the listed implementations after those of the type's {@code META-INF/services} files, as Micronaut's
     * scan orders them.
     */
    static final class Loaders extends AbstractMap<String, StaticServiceLoader<?>> {
        private final Map<String, Set<String>> services;
        private final ClassLoader classLoader;
        private final Map<String, StaticServiceLoader<?>> loaders = new ConcurrentHashMap<>();
        /**
         * The class {@link #initializeAhead}'s thread is initializing, and those whose static initializer threw there:
         * Micronaut then meets only a {@code NoClassDefFoundError} (which its loaders skip), so the first error is
         * what it is given instead. Entered before the initialization starts, so that a loader whose attempt failed
         * because the thread's did (it waited on the class's initialization lock) waits for that error too.
         */
        private final Map<String, CompletableFuture<ExceptionInInitializerError>> initializingAhead =
                new ConcurrentHashMap<>();

        Loaders(Map<String, Set<String>> services, ClassLoader classLoader) {
            this.services = services;
            this.classLoader = classLoader;
        }

        @Override
        public StaticServiceLoader<?> get(Object type) {
            return type instanceof String name
                    ? loaders.computeIfAbsent(
                            name,
                            n -> new Loader<>(n, services.getOrDefault(n, Set.of()), classLoader, initializingAhead))
                    : null;
        }

        @Override
        public boolean containsKey(Object type) {
            return type instanceof String;
        }

        @Override
        public Set<Entry<String, StaticServiceLoader<?>>> entrySet() {
            Map<String, StaticServiceLoader<?>> listed = new LinkedHashMap<>();
            services.keySet().forEach(type -> listed.put(type, get(type)));
            return Collections.unmodifiableMap(listed).entrySet();
        }
    }

    /** One service type's implementations, loaded as Micronaut's scan loads them. */
    static final class Loader<S> implements StaticServiceLoader<S> {
        private final String type;
        private final Set<String> listed;
        private final ClassLoader classLoader;
        private final Map<String, CompletableFuture<ExceptionInInitializerError>> initializingAhead;

        Loader(
                String type,
                Set<String> listed,
                ClassLoader classLoader,
                Map<String, CompletableFuture<ExceptionInInitializerError>> initializingAhead) {
            this.type = type;
            this.listed = listed;
            this.classLoader = classLoader;
            this.initializingAhead = initializingAhead;
        }

        @Override
        public Stream<StaticDefinition<S>> findAll(Predicate<String> condition) {
            List<StaticDefinition<S>> found = new ArrayList<>();
            for (String name : implementations()) {
                if (condition != null && !condition.test(name)) {
                    continue;
                }
                Constructor<?> constructor = constructor(name);
                if (constructor != null) {
                    found.add(StaticDefinition.of(name, () -> instantiate(name, constructor)));
                }
            }
            return found.stream();
        }

        /** Creates each implementation; one that fails for want of a class is skipped, as Micronaut's scan skips it. */
        @Override
        public List<S> load(Predicate<String> condition, Predicate<S> predicate) {
            List<S> services = new ArrayList<>();
            findAll(condition).forEach(definition -> {
                S service;
                try {
                    service = definition.load();
                } catch (NoClassDefFoundError missing) {
                    return;
                }
                if (predicate == null || predicate.test(service)) {
                    services.add(service);
                }
            });
            return services;
        }

        /** The type's {@code META-INF/services} lines (read the way Micronaut reads them), then the listed ones. */
        List<String> implementations() {
            Set<String> names = new LinkedHashSet<>();
            try {
                Enumeration<URL> files = classLoader.getResources("META-INF/services/" + type);
                while (files.hasMoreElements()) {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            if (line.isEmpty() || line.charAt(0) == '#') {
                                continue;
                            }
                            int comment = line.indexOf('#');
                            names.add(comment < 0 ? line : line.substring(0, comment));
                        }
                    }
                }
            } catch (IOException e) {
                // as Micronaut's scan: a services file that cannot be read adds nothing
            }
            names.addAll(listed);
            return new ArrayList<>(names);
        }

        /**
         * The public no-argument constructor of a public class, or null when the class is absent or has none (skipped,
         * as by Micronaut). Micronaut finds it as a method handle ({@code MethodHandles.publicLookup()}); plain
         * reflection finds the same constructor without resolving a handle. A start looks ~1,200 of them up on its
         * main thread before Hibernate's boot can begin; most of the time is the linking of each class, which either
         * way does (async-profiler over 4 restarts: 62 ms a start with handles, 53 ms with reflection).
         */
        private Constructor<?> constructor(String name) {
            try {
                Class<?> implementation = Class.forName(name, false, classLoader);
                int modifiers = implementation.getModifiers();
                if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers)) {
                    return null; // not one a public lookup could create
                }
                return implementation.getConstructor();
            } catch (NoClassDefFoundError | ClassNotFoundException | NoSuchMethodException e) {
                return null;
            }
        }

        @SuppressWarnings("unchecked")
        private S instantiate(String name, Constructor<?> constructor) {
            try {
                try {
                    return (S) constructor.newInstance();
                } catch (InvocationTargetException e) {
                    throw e.getCause(); // what the constructor threw, passed on as a method handle passes it on
                }
            } catch (NoClassDefFoundError e) {
                ExceptionInInitializerError first = firstErrorAhead(name);
                throw first != null ? first : e;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create a service of " + type + ": " + e, e);
            }
        }

        /**
         * The error {@code name}'s initializer threw on {@link #initializeAhead}'s thread, or null. That thread
         * completes the class's entry as soon as its initialization has ended, holding nothing this thread could be
         * waiting for; the bound is for what cannot happen.
         */
        private ExceptionInInitializerError firstErrorAhead(String name) {
            CompletableFuture<ExceptionInInitializerError> initialized = initializingAhead.get(name);
            if (initialized == null) {
                return null; // the thread did not initialize it, or did without an error
            }
            try {
                return initialized.get(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | TimeoutException e) {
                return null;
            }
        }
    }
}

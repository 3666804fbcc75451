package io.strata.bootstrap.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * This Strata's versioned migrations as Flyway resolves them ({@code V<version>__<description>.sql} under a class-path
 * folder, in a directory or a jar), with Flyway's checksum of each, read without starting Flyway: what
 * {@link SchemaMigrations#currentIfUpToDate()} compares with the history table. Whatever it cannot read with
 * certainty (another kind of file, a duplicate version, a class-path entry that is neither a directory nor a jar)
 * makes {@link #list} answer null, and Flyway decides.
 */
final class MigrationScripts {

    /** A versioned migration: its file name, Flyway's version and description, and Flyway's checksum of its text. */
    record Script(String name, String version, String description, int checksum) {}

    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql");

    /** Flyway's order of versions: numerically, part by part ({@code 2 < 10}, {@code 1.1 < 1.2}). */
    static final Comparator<String> VERSION_ORDER = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = new BigInteger(i < x.length ? x[i] : "0").compareTo(new BigInteger(i < y.length ? y[i] : "0"));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** Lists being read ahead ({@link #readAhead}), by class loader and folder; each is taken by one {@link #list}. */
    private static final Map<List<Object>, CompletableFuture<Map<String, Script>>> AHEAD = new ConcurrentHashMap<>();

    private MigrationScripts() {}

    /**
     * Starts {@link #list} on a thread of its own; the next {@code list} of the same folder takes its result instead of
     * reading the scripts again. A start calls it before it opens the database, whose connection (or the embedded
     * PostgreSQL's start) it then waits on anyway: in a jar, the list walks its ~37,000 entries (4.6% of a restart's
     * main thread, JFR). Answers whether it started reading (not when that folder is being read ahead already, nor
     * when no thread can be started).
     */
    static boolean readAhead(ClassLoader classLoader, String location) {
        CompletableFuture<Map<String, Script>> listed = new CompletableFuture<>();
        if (AHEAD.putIfAbsent(List.of(classLoader, location), listed) != null) {
            return false;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        listed.complete(read(classLoader, location));
                    } catch (Throwable e) {
                        listed.completeExceptionally(e); // list() reads them itself
                    }
                },
                "migration-scripts");
        thread.setDaemon(true);
        try {
            thread.start();
            return true;
        } catch (OutOfMemoryError | RuntimeException e) {
            AHEAD.remove(List.of(classLoader, location), listed); // no thread to spare: list() reads them itself
            return false;
        }
    }

    /** The scripts under {@code location} by version; null when a file there is not one this class understands. */
    static Map<String, Script> list(ClassLoader classLoader, String location) {
        CompletableFuture<Map<String, Script>> ahead = AHEAD.remove(List.of(classLoader, location));
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (CompletionException | CancellationException e) {
                // the thread failed: read them here, as without it
            }
        }
        return read(classLoader, location);
    }

    private static Map<String, Script> read(ClassLoader classLoader, String location) {
        String folder = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        Map<String, Script> scripts = new HashMap<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                List<Resource> resources = switch (root.getProtocol()) {
                    case "file" -> inDirectory(Path.of(root.toURI()));
                    case "jar" -> inJar(root, folder);
                    default -> null;
                };
                if (resources == null) {
                    return null;
                }
                for (Resource resource : resources) {
                    Matcher name = VERSIONED.matcher(resource.name());
                    if (!name.matches()) {
                        return null;
                    }
                    String version = name.group(1).replace('_', '.');
                    Script script = new Script(
                            resource.name(), version, name.group(2).replace('_', ' '), checksum(resource.text()));
                    if (scripts.put(version, script) != null) {
                        return null;
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        return scripts;
    }

    /**
     * Flyway's checksum of a script (its {@code ChecksumCalculator}): a CRC-32 over the UTF-8 bytes of every line
     * without its line break, a byte order mark dropped from the first.
     */
    static int checksum(byte[] text) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new java.io.ByteArrayInputStream(text), StandardCharsets.UTF_8), 4096)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = reader.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    private record Resource(String name, byte[] text) {}

    private static List<Resource> inDirectory(Path directory) throws IOException {
        List<Resource> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                resources.add(new Resource(file.getFileName().toString(), Files.readAllBytes(file)));
            }
        }
        return resources;
    }

    private static List<Resource> inJar(URL root, String folder) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        List<Resource> resources = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            String prefix = folder + "/";
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    String name = entry.getName();
                    resources.add(new Resource(name.substring(name.lastIndexOf('/') + 1), in.readAllBytes()));
                }
            }
        }
        return resources;
    }
}

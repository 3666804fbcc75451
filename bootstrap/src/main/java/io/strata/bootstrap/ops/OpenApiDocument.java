package io.strata.bootstrap.ops;

import io.strata.adapters.web.shared.openapi.ListEndpoint;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The OpenAPI document generated at compile time by micronaut-openapi (in adapters-web) as
 * {@code META-INF/swagger/<title>-<version>.yml}. Its file name depends on the API's title and version, so it is
 * located by listing {@code META-INF/swagger/} on the classpath (directories and jars, including the shaded jar).
 * What the annotations cannot say is added before it is served: the query parameters of every list endpoint,
 * from the allow-list the endpoint reads them with ({@link #withListParameters}).
 *
 * @param resourceName e.g. {@code META-INF/swagger/strata-1.0.yml}
 * @param content      the YAML bytes
 */
public record OpenApiDocument(String resourceName, byte[] content) {

    public static final String LOCATION = "META-INF/swagger/";

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocument.class);

    /** The first (by name) {@code META-INF/swagger/*.yml} visible to the class loader, if any. */
    public static Optional<OpenApiDocument> locate(ClassLoader classLoader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(LOCATION);
            while (roots.hasMoreElements()) {
                names.addAll(list(roots.nextElement()));
            }
            if (names.isEmpty()) {
                // jars built without directory entries: scan the class path itself
                for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        names.addAll(listClassPathEntry(Path.of(entry)));
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {} on the classpath: {}", LOCATION, e.getMessage());
        }
        for (String name : names) {
            try (InputStream in = classLoader.getResourceAsStream(name)) {
                if (in != null) {
                    return Optional.of(new OpenApiDocument(name, in.readAllBytes()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    /**
     * This document with the query parameters of each list endpoint ({@link ListEndpoint#parameters()}) after the
     * operation's own (path) parameters. An endpoint the document does not have is an error: the document and the
     * routes come from the same controllers.
     */
    @SuppressWarnings("unchecked")
    public OpenApiDocument withListParameters(List<ListEndpoint> endpoints) {
        if (endpoints.isEmpty()) {
            return this;
        }
        Map<String, Object> document = reader().load(new String(content, StandardCharsets.UTF_8));
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (ListEndpoint endpoint : endpoints) {
            Map<String, Object> path = paths == null ? null : (Map<String, Object>) paths.get(endpoint.path());
            Map<String, Object> operation = path == null
                    ? null
                    : (Map<String, Object>) path.get(endpoint.method().toLowerCase(Locale.ROOT));
            if (operation == null) {
                throw new IllegalStateException(
                        resourceName + " has no operation " + endpoint.method() + " " + endpoint.path());
            }
            List<Object> parameters = new ArrayList<>((List<Object>) operation.getOrDefault("parameters", List.of()));
            parameters.addAll(endpoint.parameters());
            operation.put("parameters", parameters);
        }
        return new OpenApiDocument(resourceName, writer().dump(document).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads scalars as the generator wrote them: a date-like string stays a string (no timestamp resolution). */
    private static Yaml reader() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        Resolver noTimestamps = new Resolver() {
            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
                if (!Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        };
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, noTimestamps);
    }

    /** Block style like the generator's; strings that would read as another type (dates too) are quoted. */
    private static Yaml writer() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options);
    }

    /** {@code strata-1.0.yml} */
    public String fileName() {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    private static List<String> list(URL root) throws IOException {
        List<String> names = new ArrayList<>();
        switch (root.getProtocol()) {
            case "file" -> {
                try {
                    Path dir = Path.of(root.toURI());
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> files = Files.list(dir)) {
                            files.map(p -> p.getFileName().toString())
                                    .filter(OpenApiDocument::isYaml)
                                    .forEach(n -> names.add(LOCATION + n));
                        }
                    }
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            case "jar" -> {
                URLConnection connection = root.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        names.addAll(listJar(file));
                    }
                }
            }
            default -> LOG.debug("Cannot list {}", root);
        }
        return names;
    }

    private static List<String> listClassPathEntry(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            Path dir = entry.resolve(LOCATION);
            return Files.isDirectory(dir) ? list(dir.toUri().toURL()) : List.of();
        }
        if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            try (JarFile file = new JarFile(entry.toFile())) {
                return listJar(file);
            }
        }
        return List.of();
    }

    private static List<String> listJar(JarFile file) {
        List<String> names = new ArrayList<>();
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.startsWith(LOCATION) && name.indexOf('/', LOCATION.length()) < 0 && isYaml(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }
}

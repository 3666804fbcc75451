package io.strata.architecture;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which context owns which table, and which tables a persistence class names.
 *
 * <p>Owners come from the migrations: {@code V<n>__<context>_<what>.sql} creates the tables of
 * {@code <context>} ({@code V1__identity_users.sql}: {@code users}, {@code sessions}, ...). A prefix that
 * is no context ({@code shared}, or any platform name) owns nothing: such tables (the idempotency keys,
 * the outbox) are the platform's and any persistence class may use them. JPA entity names count as
 * tables of the entity's context, so JPQL cannot reach around the rule.
 *
 * <p>A class names a table in its SQL ({@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE},
 * {@code TABLE}, {@code USING}, {@code REFERENCES}, {@code TRUNCATE}, {@code COPY} followed by the name,
 * or an item of a {@code FROM a, b} list) or in a JPA mapping annotation
 * ({@code @Table}, {@code @JoinTable}, {@code @CollectionTable}, {@code @SecondaryTable}). Dynamic
 * SQL whose table name is not a constant is not seen; the dependency rules still stop a class from
 * using another context's entities and repositories.
 */
final class TableOwnership {
    static final String MIGRATIONS = "db/migration";
    private static final Pattern MIGRATION = Pattern.compile("V[0-9._]+__([a-z0-9]+)_.*\\.sql");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bCREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:public\\.)?\"?([a-z_][a-z0-9_]*)");
    private static final Pattern TABLE_REFERENCE = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING"
            + "|REFERENCES|TRUNCATE|COPY)\\s+(?:ONLY\\s+)?(?:public\\.)?\"?([A-Za-z_][A-Za-z0-9_]*)");
    /** The rest of a FROM list after its first item: {@code FROM a x, b y WHERE} names {@code b} too. */
    private static final Pattern FROM_LIST = Pattern.compile(
            "(?is)\\bFROM\\s+(.*?)(?=\\b(?:WHERE|JOIN|GROUP|ORDER|LIMIT|OFFSET|UNION|HAVING|WINDOW|RETURNING|ON|FOR)\\b|[);]|$)");

    private static final Pattern LIST_ITEM =
            Pattern.compile(",\\s*(?:ONLY\\s+)?(?:public\\.)?\"?([A-Za-z_][A-Za-z0-9_]*)");
    private static final List<String> TABLE_ANNOTATIONS = List.of(
            "jakarta.persistence.Table",
            "jakarta.persistence.JoinTable",
            "jakarta.persistence.CollectionTable",
            "jakarta.persistence.SecondaryTable");
    private static final String ENTITY = "jakarta.persistence.Entity";

    /** Table (lower case) or entity name to the context that owns it. */
    private final Map<String, String> owners;

    TableOwnership(Map<String, String> owners) {
        this.owners = Map.copyOf(owners);
    }

    /**
     * Owners from the migrations on the classpath (for the contexts in {@code contexts}) and from the
     * entities among {@code classes}.
     */
    static TableOwnership of(Hexagon hexagon, Collection<JavaClass> classes, Set<String> contexts) {
        Map<String, String> owners = new LinkedHashMap<>(fromMigrations(contexts));
        owners.putAll(entityNames(hexagon, classes));
        return new TableOwnership(owners);
    }

    Map<String, String> owners() {
        return owners;
    }

    Optional<String> ownerOf(String table) {
        String owner = owners.get(table);
        return owner != null ? Optional.of(owner) : Optional.ofNullable(owners.get(table.toLowerCase(Locale.ROOT)));
    }

    /** The tables (and entity names) {@code c} names in its SQL, JPQL and JPA annotations. */
    static Set<String> tablesNamedBy(JavaClass c) {
        Set<String> tables = new LinkedHashSet<>();
        for (String constant : ClassConstants.of(c)) {
            Matcher m = TABLE_REFERENCE.matcher(constant);
            while (m.find()) {
                tables.add(m.group(1));
            }
            Matcher from = FROM_LIST.matcher(constant);
            while (from.find()) {
                Matcher item = LIST_ITEM.matcher(from.group(1));
                while (item.find()) {
                    tables.add(item.group(1));
                }
            }
        }
        annotations(c).forEach(annotation -> {
            if (TABLE_ANNOTATIONS.contains(annotation.getRawType().getName())) {
                annotation
                        .get("name")
                        .map(Object::toString)
                        .filter(name -> !name.isEmpty())
                        .ifPresent(tables::add);
            }
        });
        return tables;
    }

    private static Stream<JavaAnnotation<?>> annotations(JavaClass c) {
        return Stream.concat(
                c.getAnnotations().stream(),
                c.getMembers().stream().flatMap(member -> member.getAnnotations().stream()));
    }

    static Map<String, String> entityNames(Hexagon hexagon, Collection<JavaClass> classes) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JavaClass c : classes) {
            Optional<String> context = hexagon.contextOf(c);
            if (context.isPresent() && c.isAnnotatedWith(ENTITY)) {
                String name = c.getAnnotationOfType(ENTITY)
                        .get("name")
                        .map(Object::toString)
                        .filter(n -> !n.isEmpty())
                        .orElse(c.getSimpleName());
                names.put(name, context.get());
            }
        }
        return names;
    }

    /** Tables created by each context's migrations ({@code V<n>__<context>_*.sql} on the classpath). */
    static Map<String, String> fromMigrations(Set<String> contexts) {
        Map<String, String> owners = new LinkedHashMap<>();
        migrations().forEach((file, sql) -> {
            Matcher name = MIGRATION.matcher(file);
            if (name.matches() && contexts.contains(name.group(1))) {
                Matcher create = CREATE_TABLE.matcher(sql);
                while (create.find()) {
                    owners.put(create.group(1).toLowerCase(Locale.ROOT), name.group(1));
                }
            }
        });
        return owners;
    }

    /** File name to content of every migration on the classpath, from directories and jars alike. */
    static Map<String, String> migrations() {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            Enumeration<URL> roots = TableOwnership.class.getClassLoader().getResources(MIGRATIONS);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                            String name = entry.getName();
                            if (name.startsWith(MIGRATIONS + "/") && name.endsWith(".sql")) {
                                try (InputStream in = jar.getInputStream(entry)) {
                                    files.put(
                                            name.substring(name.lastIndexOf('/') + 1),
                                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                                }
                            }
                        }
                    }
                } else {
                    try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
                        for (Path path :
                                paths.filter(p -> p.toString().endsWith(".sql")).toList()) {
                            files.put(path.getFileName().toString(), Files.readString(path));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}

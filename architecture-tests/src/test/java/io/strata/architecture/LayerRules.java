package io.strata.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static io.strata.architecture.GeneratedCode.HAND_WRITTEN;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which module may see which, and what each may use from the JDK and from libraries.
 *
 * <p>Maven checks the module graph first: each module's enforcer bans what it must not see (the domain:
 * every dependency; the application: the adapters, JPA, Hibernate, HTTP; web: persistence, JPA, JDBC
 * drivers; persistence: web, the HTTP server), so such an import does not compile. These rules hold
 * what Maven cannot see:
 * <ul>
 *   <li>{@code every_class_is_in_the_package_of_its_module}: Maven judges modules, these rules judge
 *       packages; a class that declares another module's package (say, a controller in
 *       {@code io.strata.adapters.web.x} compiled inside bootstrap, where JPA is on the classpath) would
 *       slip between the two. Every class must come from the module its package names.</li>
 *   <li>{@code layers_follow_the_hexagon}: domain &lt;- application &lt;- {persistence, web} &lt;-
 *       bootstrap, and every class belongs to one of them. Maven's graph allows the same, but only this
 *       rule reads the package a class declares (so it reports a misplaced class by what it does).</li>
 *   <li>{@code domain_depends_only_on_the_jdk_and_itself}: the enforcer bans every library, but JDK
 *       packages outside {@code java.*} ({@code javax.naming}, {@code jdk.*}, {@code sun.*}) compile.
 *       Annotations are dependencies too, so this also keeps framework annotations off domain types.</li>
 *   <li>{@code application_depends_only_on_the_domain_and_jakarta_inject_and_transaction}: the
 *       application compiles against {@code micronaut-inject} (its bean definitions are generated) and
 *       {@code micronaut-data-tx}, so hand-written code could import Micronaut; it must not.</li>
 *   <li>{@code the_inside_does_no_io}: JDBC, files, sockets, HTTP clients and processes are JDK, so the
 *       enforcer cannot ban them; in the domain or a use case they would bypass the ports.</li>
 *   <li>{@code the_inside_reads_no_configuration_or_environment}: environment variables and system
 *       properties are JDK too; configuration reaches use cases as values wired by bootstrap
 *       ({@code IdentityPolicy}).</li>
 *   <li>{@code numbers_in_text_are_read_in_ascii}: {@code Integer.parseInt}, {@code Long.parseLong} and
 *       their kin read the digits of every script ({@code "١٠"} is 10 to them)
 *       and a {@code +}; in the domain, the use cases and the web adapter, which see what clients send, a number
 *       in text is read by {@code AsciiNumbers} (domain.shared.value), where only ASCII digits are one.</li>
 *   <li>{@code the_web_adapter_uses_no_storage_technology}: JDBC ({@code java.sql}) is JDK and on every
 *       classpath; JPA, Hibernate, Micronaut Data and Flyway are also banned by the web module's
 *       enforcer and listed here so that the rule states the whole boundary.</li>
 *   <li>{@code http_stays_in_the_web_adapter_and_bootstrap}: Micronaut's HTTP types are on the
 *       persistence module's classpath (through Micronaut Data); a persistence class must not answer
 *       in HTTP terms.</li>
 * </ul>
 * Removed: a separate "no framework annotations on domain types" rule (the domain rule above reports
 * them), "generated application code uses no JPA or adapter" (JPA is not on the application's classpath
 * and misplaced packages are reported by the module rule), and the per-pair "persistence/web do not
 * depend on each other or on bootstrap" rules (the layered rule states them).
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class LayerRules {

    /** A directory {@code <module>/target/classes} or a jar {@code strata-<module>-<version>.jar}. */
    private static final Pattern MODULE_DIRECTORY = Pattern.compile(".*/([A-Za-z0-9_.-]+)/target/(?:test-)?classes/.*");

    private static final Pattern MODULE_JAR = Pattern.compile(".*/strata-([A-Za-z0-9_-]+?)-[0-9][^/]*\\.jar!/.*");

    private static final List<String> IO_PACKAGES = List.of(
            "java.sql..",
            "javax.sql..",
            "java.nio.file..",
            "java.nio.channels..",
            "java.net.http..",
            "java.rmi..",
            "javax.naming..");
    private static final Set<String> IO_CLASSES = Set.of(
            "java.io.File",
            "java.io.FileInputStream",
            "java.io.FileOutputStream",
            "java.io.FileReader",
            "java.io.FileWriter",
            "java.io.RandomAccessFile",
            "java.net.Socket",
            "java.net.ServerSocket",
            "java.net.DatagramSocket",
            "java.net.URL",
            "java.net.URLConnection",
            "java.net.HttpURLConnection",
            "java.lang.ProcessBuilder",
            "java.lang.Runtime");

    /** JDK types that reach outside the process. */
    static final DescribedPredicate<JavaClass> IO =
            describe("do I/O (JDBC, files, sockets, URLs, HTTP clients, processes, JNDI, RMI)", c -> {
                String name = c.getName();
                return IO_PACKAGES.stream().anyMatch(p -> PackageMatcher.of(p).matches(c.getPackageName()))
                        || IO_CLASSES.contains(name);
            });

    /** Methods that read the process environment or JVM-wide settings. */
    private static final Map<String, Set<String>> ENVIRONMENT_READERS = Map.of(
            "java.lang.System", Set.of("getenv", "getProperty", "getProperties", "setProperty", "clearProperty"),
            "java.lang.Integer", Set.of("getInteger"),
            "java.lang.Long", Set.of("getLong"),
            "java.lang.Boolean", Set.of("getBoolean"),
            "java.lang.Class", Set.of("getResource", "getResourceAsStream"),
            "java.lang.ClassLoader",
                    Set.of(
                            "getResource",
                            "getResourceAsStream",
                            "getResources",
                            "getSystemResource",
                            "getSystemResourceAsStream"),
            "java.util.ResourceBundle", Set.of("getBundle"));

    /** The JDK's readers of whole numbers in text, which accept any script's digits and a sign. */
    static final Set<String> NUMBER_PARSERS = Set.of(
            "java.lang.Integer.parseInt",
            "java.lang.Integer.valueOf",
            "java.lang.Integer.parseUnsignedInt",
            "java.lang.Integer.decode",
            "java.lang.Long.parseLong",
            "java.lang.Long.valueOf",
            "java.lang.Long.parseUnsignedLong",
            "java.lang.Long.decode",
            "java.lang.Short.parseShort",
            "java.lang.Short.valueOf");

    /** The one reader of numbers in text, in the domain's shared values. */
    static final String ASCII_NUMBERS = "AsciiNumbers";

    @ArchTest
    static final ArchRule every_class_is_in_the_package_of_its_module =
            everyClassIsInThePackageOfItsModule(Hexagon.STRATA);

    @ArchTest
    static final ArchRule layers_follow_the_hexagon = layersFollowTheHexagon(Hexagon.STRATA);

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk_and_itself =
            domainDependsOnlyOnTheJdkAndItself(Hexagon.STRATA);

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain_and_jakarta_inject_and_transaction =
            applicationDependsOnlyOnTheDomainAndJakartaInjectAndTransaction(Hexagon.STRATA);

    @ArchTest
    static final ArchRule the_inside_does_no_io = theInsideDoesNoIo(Hexagon.STRATA);

    @ArchTest
    static final ArchRule the_inside_reads_no_configuration_or_environment =
            theInsideReadsNoConfigurationOrEnvironment(Hexagon.STRATA);

    @ArchTest
    static final ArchRule numbers_in_text_are_read_in_ascii = numbersInTextAreReadInAscii(Hexagon.STRATA);

    @ArchTest
    static final ArchRule the_web_adapter_uses_no_storage_technology =
            theWebAdapterUsesNoStorageTechnology(Hexagon.STRATA);

    @ArchTest
    static final ArchRule http_stays_in_the_web_adapter_and_bootstrap =
            httpStaysInTheWebAdapterAndBootstrap(Hexagon.STRATA);

    // ---- the rules ----------------------------------------------------------------------------------

    static ArchRule everyClassIsInThePackageOfItsModule(Hexagon h) {
        return classes()
                .should(comeFromTheModuleOfTheirPackage(h))
                .because("the enforcer checks what each module may see and these rules check packages; a class "
                        + "declaring another module's package would be judged by the wrong rules");
    }

    static ArchRule layersFollowTheHexagon(Hexagon h) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("Domain")
                .definedBy(h.domain)
                .layer("Application")
                .definedBy(h.application)
                .layer("Persistence")
                .definedBy(h.persistence)
                .layer("Web")
                .definedBy(h.web)
                .optionalLayer("Sinks")
                .definedBy(h.sinks)
                .layer("Bootstrap")
                .definedBy(h.bootstrap)
                .whereLayer("Domain")
                .mayNotAccessAnyLayer()
                .whereLayer("Application")
                .mayOnlyAccessLayers("Domain")
                .whereLayer("Persistence")
                .mayOnlyAccessLayers("Domain", "Application")
                .whereLayer("Web")
                .mayOnlyAccessLayers("Domain", "Application")
                .whereLayer("Sinks")
                .mayOnlyAccessLayers("Domain", "Application")
                .whereLayer("Bootstrap")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Persistence")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Web")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Sinks")
                .mayOnlyBeAccessedByLayers("Bootstrap")
                .because("domain <- application <- {persistence, web, sinks} <- bootstrap: the inside never knows the "
                        + "outside, adapters are plugged in independently, and only bootstrap knows them all");
    }

    static ArchRule domainDependsOnlyOnTheJdkAndItself(Hexagon h) {
        return classes()
                .that()
                .resideInAPackage(h.domain)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", h.domain, Hexagon.MARKERS_DOMAIN)
                .because("the domain is the framework-free core: business rules compile, run and are tested with "
                        + "the JDK alone, and carry no framework annotation (mapping, injection, JSON)");
    }

    static ArchRule applicationDependsOnlyOnTheDomainAndJakartaInjectAndTransaction(Hexagon h) {
        return classes()
                .that()
                .resideInAPackage(h.application)
                .and(HAND_WRITTEN)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        h.domain,
                        h.application,
                        Hexagon.MARKERS_DOMAIN,
                        Hexagon.MARKERS_APPLICATION,
                        "jakarta.inject..",
                        "jakarta.transaction..")
                .because("use cases are framework-neutral: their only annotations are jakarta.inject bean markers, "
                        + "@jakarta.transaction.Transactional and the kernel's own; the bean definitions Micronaut "
                        + "generates beside them are excluded by name, not by loosening the rule");
    }

    static ArchRule theInsideDoesNoIo(Hexagon h) {
        return noClasses()
                .that()
                .resideInAnyPackage(h.domain, h.application)
                .and(HAND_WRITTEN)
                .should()
                .dependOnClassesThat(IO)
                .because("the domain and the use cases reach the world only through outbound ports; I/O in them "
                        + "bypasses the adapters, their transactions and their tests");
    }

    static ArchRule theInsideReadsNoConfigurationOrEnvironment(Hexagon h) {
        return noClasses()
                .that()
                .resideInAnyPackage(h.domain, h.application)
                .should(readTheEnvironment())
                .because("configuration is bootstrap's: it reads settings and hands use cases plain values (as "
                        + "IdentityPolicy), so the inside behaves the same in every test and deployment");
    }

    private static ArchCondition<JavaClass> readTheEnvironment() {
        return new ArchCondition<>("read environment variables, system properties, resources or preferences") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                    Set<String> readers =
                            ENVIRONMENT_READERS.get(access.getTargetOwner().getName());
                    if (readers != null && readers.contains(access.getTarget().getName())) {
                        events.add(SimpleConditionEvent.satisfied(access, access.getDescription()));
                    }
                }
                c.getDirectDependenciesFromSelf().stream()
                        .filter(d -> d.getTargetClass().getPackageName().startsWith("java.util.prefs"))
                        .forEach(d -> events.add(SimpleConditionEvent.satisfied(d, d.getDescription())));
            }
        };
    }

    static ArchRule numbersInTextAreReadInAscii(Hexagon h) {
        return noClasses()
                .that()
                .resideInAnyPackage(h.domain, h.application, h.web)
                .and(HAND_WRITTEN)
                .and(describe(
                        "are not " + ASCII_NUMBERS,
                        c -> !(c.getSimpleName().equals(ASCII_NUMBERS)
                                && c.getPackageName().equals(h.root + ".domain.shared.value"))))
                .should()
                .callMethodWhere(DescribedPredicate.<JavaMethodCall>describe(
                        "a JDK reader of a whole number in text (" + String.join(", ", NUMBER_PARSERS) + ")",
                        call -> NUMBER_PARSERS.contains(call.getTargetOwner().getName() + "." + call.getName())
                                && call.getTarget().getRawParameterTypes().stream()
                                        .anyMatch(type -> type.getName().equals("java.lang.String"))))
                .because("they read other scripts' digits (\"١٠\" is 10) and a '+', which this platform does not "
                        + "take for a number: AsciiNumbers (domain.shared.value) reads numbers in text, wherever the "
                        + "text came from (a query, a header, a body's string, a cursor)");
    }

    static ArchRule theWebAdapterUsesNoStorageTechnology(Hexagon h) {
        return noClasses()
                .that()
                .resideInAPackage(h.web)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "jakarta.persistence..",
                        "org.hibernate..",
                        "io.micronaut.data..",
                        "io.micronaut.transaction..",
                        "org.flywaydb..",
                        "org.postgresql..",
                        "com.zaxxer.hikari..")
                .because("the web adapter speaks use cases and domain values; storage types in controllers leak the "
                        + "schema into the HTTP API and bypass the application layer");
    }

    static ArchRule httpStaysInTheWebAdapterAndBootstrap(Hexagon h) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(h.web, h.bootstrap)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.micronaut.http..")
                .because("status codes, headers and requests are the web adapter's language; a port or a use case "
                        + "that speaks HTTP ties the inside to one delivery mechanism");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static ArchCondition<JavaClass> comeFromTheModuleOfTheirPackage(Hexagon h) {
        return new ArchCondition<>("come from the module whose root package they are in") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String location = c.getSource().map(s -> s.getUri().toString()).orElse("<unknown location>");
                Optional<String> module = moduleOf(location);
                Optional<String> root = module.map(h.moduleRoots()::get);
                boolean ok = root.isPresent()
                        && (c.getPackageName().equals(root.get())
                                || c.getPackageName().startsWith(root.get() + "."));
                if (!ok) {
                    events.add(SimpleConditionEvent.violated(
                            c,
                            "Class <" + c.getName() + "> comes from "
                                    + module.map(m -> "module " + m
                                                    + (root.isPresent()
                                                            ? " (package " + root.get() + "..)"
                                                            : " (not a module of " + h.root + ")"))
                                            .orElse(location)
                                    + " in " + c.getSourceCodeLocation()));
                }
            }
        };
    }

    static Optional<String> moduleOf(String location) {
        Matcher jar = MODULE_JAR.matcher(location);
        if (jar.matches()) {
            return Optional.of(jar.group(1));
        }
        Matcher directory = MODULE_DIRECTORY.matcher(location);
        return directory.matches() ? Optional.of(directory.group(1)) : Optional.empty();
    }
}

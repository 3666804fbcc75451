package io.strata.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape the rules are written against: six modules with one root package each, and bounded
 * contexts found from package names, not from a list. Below each layer package
 * ({@code <root>.domain}, {@code <root>.application}, {@code <root>.adapters.persistence},
 * {@code <root>.adapters.web}) the next package is a context ({@code identity}, {@code workspace}, and
 * whatever is added tomorrow), except {@code shared}, the kernel every context builds on. A context's
 * published query API is the {@code api} sub-package of its application package.
 *
 * <p>{@link #STRATA} describes Strata; the rule tests build a second one over the planted fixtures
 * (a miniature code base with contexts {@code alpha} and {@code beta}), so every rule is proven to fire.
 */
final class Hexagon {
    static final String SHARED = "shared";
    static final String API = "api";

    /** Root package of everything the rules scan. */
    static final String STRATA_ROOT = "io.strata";
    /**
     * Where the kernel's markers live ({@code AggregateRoot}, {@code Identifier}, {@code @OutboundPort},
     * {@code @UseCase}, {@code @Query}, {@code @ReadOnlyTransaction}). Inside Strata's own domain and
     * application packages; named separately because the planted fixtures use the same markers.
     */
    static final String MARKERS_DOMAIN = "io.strata.domain.shared..";

    static final String MARKERS_APPLICATION = "io.strata.application.shared..";

    static final Hexagon STRATA = new Hexagon(STRATA_ROOT, modules(STRATA_ROOT));

    final String root;
    /** ArchUnit package patterns ({@code ..} = this package and below). */
    final String domain;

    final String domainShared;
    final String application;
    final String applicationShared;
    final String adapters;
    final String persistence;
    final String persistenceShared;
    final String web;
    final String webShared;
    /** Driven adapters that carry events out of Strata (the relay's transports). */
    final String sinks;

    final String bootstrap;
    /**
     * Bootstrap's operational endpoints (the API documentation page, which serves build output). They
     * call no use case, so they belong to the deployable, not to the web adapter.
     */
    final String bootstrapOps;

    /** Module directory (or {@code strata-<module>} jar) name to the root package its classes must be in. */
    private final Map<String, String> moduleRoots;

    private final Pattern layerPackage;

    Hexagon(String root, Map<String, String> moduleRoots) {
        this.root = root;
        this.domain = root + ".domain..";
        this.domainShared = root + ".domain.shared..";
        this.application = root + ".application..";
        this.applicationShared = root + ".application.shared..";
        this.adapters = root + ".adapters..";
        this.persistence = root + ".adapters.persistence..";
        this.persistenceShared = root + ".adapters.persistence.shared..";
        this.web = root + ".adapters.web..";
        this.webShared = root + ".adapters.web.shared..";
        this.sinks = root + ".adapters.sinks..";
        this.bootstrap = root + ".bootstrap..";
        this.bootstrapOps = root + ".bootstrap.ops..";
        this.moduleRoots = Map.copyOf(moduleRoots);
        this.layerPackage = Pattern.compile(
                "^" + Pattern.quote(root)
                        + "\\.(domain|application|adapters\\.persistence|adapters\\.web)(?:\\.([^.]+))?(?:\\.([^.]+))?(?:\\..*)?$");
    }

    /** Strata's modules: the directory (and {@code strata-<name>} artifact) of each and its root package. */
    static Map<String, String> modules(String root) {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("domain", root + ".domain");
        modules.put("application", root + ".application");
        modules.put("adapters-persistence", root + ".adapters.persistence");
        modules.put("adapters-web", root + ".adapters.web");
        modules.put("adapters-sinks", root + ".adapters.sinks");
        modules.put("bootstrap", root + ".bootstrap");
        return modules;
    }

    Map<String, String> moduleRoots() {
        return moduleRoots;
    }

    // ---- contexts --------------------------------------------------------------------------------

    /** The context a package belongs to; empty for shared packages, layer roots and non-layer packages. */
    Optional<String> contextOf(String packageName) {
        Matcher m = layerPackage.matcher(packageName);
        if (!m.matches() || m.group(2) == null || SHARED.equals(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(m.group(2));
    }

    Optional<String> contextOf(JavaClass c) {
        return contextOf(c.getPackageName());
    }

    /** The layer of a context or shared package: {@code domain}, {@code application}, ... ; empty elsewhere. */
    Optional<String> layerOf(String packageName) {
        Matcher m = layerPackage.matcher(packageName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    boolean isShared(String packageName) {
        Matcher m = layerPackage.matcher(packageName);
        return m.matches() && SHARED.equals(m.group(2));
    }

    /** In {@code <root>.application.<context>.api..}: a context's published query API. */
    boolean isPublishedApi(JavaClass c) {
        Matcher m = layerPackage.matcher(c.getPackageName());
        return m.matches()
                && m.group(1).equals("application")
                && m.group(2) != null
                && !SHARED.equals(m.group(2))
                && API.equals(m.group(3));
    }

    boolean isIn(JavaClass c, String packagePattern) {
        return PackageMatcher.of(packagePattern).matches(c.getPackageName());
    }

    DescribedPredicate<JavaClass> resideInAContext() {
        return describe(
                "reside in a bounded-context package (" + root + ".<layer>.<context>..)",
                c -> contextOf(c).isPresent());
    }

    DescribedPredicate<JavaClass> resideInASharedPackage() {
        return describe(
                "reside in a shared package (" + root + ".<layer>.shared..)", c -> isShared(c.getPackageName()));
    }

    DescribedPredicate<JavaClass> resideInAPublishedApi() {
        return describe(
                "reside in a published query API (" + root + ".application.<context>.api..)", this::isPublishedApi);
    }

    @Override
    public String toString() {
        return "Hexagon[" + root + "]";
    }
}

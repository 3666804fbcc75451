package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.strata.architecture.GeneratedCode.HAND_WRITTEN;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Bounded contexts, found from package names (a context added tomorrow is covered without editing a
 * rule), and the one way they may meet. The pattern, as docs/architecture.md describes it:
 * <ol>
 *   <li><b>Ids.</b> A context may hold another context's ids (records implementing {@code Identifier}
 *       in its domain package; the user's id is in the kernel), never its aggregates, values or
 *       services.</li>
 *   <li><b>Published query API, called through a translator.</b> A context that others ask questions
 *       (identity: "which of these users exist?") publishes {@code @Query} interfaces in
 *       {@code application.<context>.api}, speaking kernel types and ids only, implemented by its own
 *       application. A consuming context declares its own outbound port in its own words
 *       (workspace: {@code WorkspaceUsers}) and implements it in its application package with a
 *       translator that calls the published API ({@code WorkspaceUsersFromIdentity}). Only such a
 *       translator may name another context's API; its tables, entities, repositories and use cases stay
 *       out of reach.</li>
 *   <li><b>Reverse questions through the kernel.</b> When the owner of a thing must ask every context
 *       about it ("who still refers to this user?"), the question is a kernel port in
 *       {@code application.shared} ({@code UserReferences}) that each referring context implements in its
 *       application, and the owner's use case consults all implementations. Dependencies then point
 *       one way only, so contexts never form a cycle.</li>
 * </ol>
 * Rules:
 * <ul>
 *   <li>{@code contexts_meet_only_through_ids_and_published_apis}: any other dependency between two
 *       contexts, in any layer (an application service using another context's service or domain, a
 *       persistence adapter implementing another context's port, a controller calling another context's
 *       use case), is reported;</li>
 *   <li>{@code published_apis_are_query_interfaces_speaking_kernel_types}: a published API holds
 *       {@code @Query} interfaces and plain data, and mentions only the JDK, the kernel and ids, so a
 *       caller depends on nothing else of the provider;</li>
 *   <li>{@code shared_packages_depend_on_no_context}: the kernel knows no context (not even its ids);</li>
 *   <li>{@code every_context_has_a_domain_and_an_application}: a context package in an adapter needs the
 *       context's application, and every context its domain. A misspelt or invented package
 *       ({@code adapters.web.admin}) would otherwise be a context of its own, free of its context's
 *       rules;</li>
 *   <li>{@code contexts_are_free_of_cycles}: even through ids, two contexts never depend on each other
 *       both ways;</li>
 *   <li>{@code contexts_read_only_their_own_tables}: a persistence class names, in its SQL, JPQL or JPA
 *       mappings, only tables of its own context (or the platform's), and shared persistence code and
 *       bootstrap name no context's table ({@link TableOwnership} says how tables are assigned).</li>
 * </ul>
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class ContextRules {

    @ArchTest
    static final ArchRule contexts_meet_only_through_ids_and_published_apis =
            contextsMeetOnlyThroughIdsAndPublishedApis(Hexagon.STRATA);

    @ArchTest
    static final ArchRule published_apis_are_query_interfaces_speaking_kernel_types =
            publishedApisAreQueryInterfacesSpeakingKernelTypes(Hexagon.STRATA);

    @ArchTest
    static final ArchRule shared_packages_depend_on_no_context = sharedPackagesDependOnNoContext(Hexagon.STRATA);

    @ArchTest
    static final ArchRule every_context_has_a_domain_and_an_application =
            everyContextHasADomainAndAnApplication(Hexagon.STRATA);

    @ArchTest
    static final ArchRule contexts_are_free_of_cycles = contextsAreFreeOfCycles(Hexagon.STRATA);

    @ArchTest
    static final ArchRule contexts_read_only_their_own_tables = contextsReadOnlyTheirOwnTables(
            Hexagon.STRATA, (h, classes) -> TableOwnership.of(h, classes, contextsOf(h, classes)));

    // ---- the rules ----------------------------------------------------------------------------------

    static ArchRule contextsMeetOnlyThroughIdsAndPublishedApis(Hexagon h) {
        return classes()
                .that(h.resideInAContext())
                .and(HAND_WRITTEN)
                .should(Conditions.dependencies(
                        "depend on other contexts only through their ids, and on their "
                                + "published API only from a translator implementing an outbound port of their own context",
                        (origin, dependency) -> crossing(h, origin, dependency)))
                .because("contexts evolve and may be split apart independently: they share ids and the kernel, "
                        + "and ask each other questions only through a published API (docs/architecture.md)");
    }

    private static Optional<String> crossing(Hexagon h, JavaClass origin, Dependency dependency) {
        String own = h.contextOf(origin).orElseThrow();
        JavaClass target = Conditions.target(dependency);
        Optional<String> other = h.contextOf(target);
        if (other.isEmpty() || other.get().equals(own)) {
            return Optional.empty();
        }
        if (Stereotypes.isIdentifier(target) && h.isIn(target, h.domain)) {
            return Optional.empty();
        }
        if (h.isPublishedApi(target)) {
            return implementsAnOutboundPortOfItsContext(h, origin) && h.isIn(origin, h.application)
                    ? Optional.empty()
                    : Optional.of("context '" + own + "' calls the published API of '" + other.get() + "' from a "
                            + "class that is no translator (an application class implementing an outbound port of '"
                            + own + "')");
        }
        return Optional.of("context '" + own + "' reaches into context '" + other.get() + "'");
    }

    /**
     * An application class of a context that implements an outbound port of the same context and calls
     * another context's published API: the one place a context may depend on another one's API.
     */
    static boolean isContextTranslator(Hexagon h, JavaClass c) {
        Optional<String> own = h.contextOf(c);
        return own.isPresent()
                && h.isIn(c, h.application)
                && implementsAnOutboundPortOfItsContext(h, c)
                && c.getDirectDependenciesFromSelf().stream()
                        .map(Conditions::target)
                        .anyMatch(t -> h.isPublishedApi(t) && !h.contextOf(t).equals(own));
    }

    private static boolean implementsAnOutboundPortOfItsContext(Hexagon h, JavaClass c) {
        JavaClass outer = Stereotypes.outermost(c);
        Optional<String> own = h.contextOf(outer);
        return own.isPresent()
                && outer.getAllRawInterfaces().stream()
                        .anyMatch(i ->
                                Stereotypes.isOutboundPort(i) && h.contextOf(i).equals(own));
    }

    static ArchRule publishedApisAreQueryInterfacesSpeakingKernelTypes(Hexagon h) {
        return classes()
                .that(h.resideInAPublishedApi())
                .should(Conditions.satisfy(
                        "be @Query interfaces, records or enums",
                        c -> c.isInterface() && c.isAnnotatedWith(Stereotypes.QUERY) || c.isRecord() || c.isEnum(),
                        c -> "is in a published API but is no @Query interface, record or enum"))
                .andShould(Conditions.dependencies(
                        "mention only the JDK, the kernel, ids and their own API", (origin, dependency) -> {
                            JavaClass target = Conditions.target(dependency);
                            boolean ok = target.getPackageName().startsWith("java.")
                                    || h.isIn(target, h.domainShared)
                                    || h.isIn(target, h.applicationShared)
                                    || h.isIn(target, Hexagon.MARKERS_DOMAIN)
                                    || h.isIn(target, Hexagon.MARKERS_APPLICATION)
                                    || h.isPublishedApi(target)
                                            && h.contextOf(target).equals(h.contextOf(origin))
                                    || Stereotypes.isIdentifier(target) && h.isIn(target, h.domain);
                            return ok ? Optional.empty() : Optional.of("a published API leaks a type of its context");
                        }))
                .because("a published API is a small, stable contract: callers must not come to depend on the "
                        + "provider's aggregates, values or services through it");
    }

    static ArchRule sharedPackagesDependOnNoContext(Hexagon h) {
        return classes()
                .that(h.resideInASharedPackage())
                .should(Conditions.dependencies(
                        "not depend on any bounded-context package",
                        (origin, dependency) -> h.contextOf(Conditions.target(dependency))
                                .map(context -> "shared code depends on context '" + context + "'")))
                .because("the kernel is what every context builds on; if it knew a context, that context could no "
                        + "longer change alone, and packages would form cycles");
    }

    static ArchRule everyContextHasADomainAndAnApplication(Hexagon h) {
        return classes()
                .that(h.resideInAContext())
                .should(haveTheirContextInTheInnerLayers(h))
                .because("one bounded context = one package per module, named alike; a context package without "
                        + "its domain (or an adapter package without its application) is a misspelling or an "
                        + "invented context that escapes its context's rules");
    }

    private static ArchCondition<JavaClass> haveTheirContextInTheInnerLayers(Hexagon h) {
        return new ArchCondition<>(
                "belong to a context that has a domain package (and, for adapters, an " + "application package)") {
            private final Set<String> inDomain = new HashSet<>();
            private final Set<String> inApplication = new HashSet<>();

            @Override
            public void init(Collection<JavaClass> all) {
                inDomain.clear();
                inApplication.clear();
                for (JavaClass c : all) {
                    String context = h.contextOf(c).orElseThrow();
                    String layer = h.layerOf(c.getPackageName()).orElseThrow();
                    if (layer.equals("domain")) {
                        inDomain.add(context);
                    } else if (layer.equals("application")) {
                        inApplication.add(context);
                    }
                }
            }

            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String context = h.contextOf(c).orElseThrow();
                String layer = h.layerOf(c.getPackageName()).orElseThrow();
                if (!layer.equals("domain") && !inDomain.contains(context)) {
                    events.add(SimpleConditionEvent.violated(
                            c,
                            "Class <" + c.getName() + "> is in context '" + context + "', which has no package "
                                    + h.root + ".domain." + context));
                }
                if (layer.startsWith("adapters") && !inApplication.contains(context)) {
                    events.add(SimpleConditionEvent.violated(
                            c,
                            "Class <" + c.getName() + "> is in context '" + context + "', which has no package "
                                    + h.root + ".application." + context));
                }
            }
        };
    }

    static ArchRule contextsAreFreeOfCycles(Hexagon h) {
        return slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        return h.contextOf(c).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
                    }

                    @Override
                    public String getDescription() {
                        return "bounded contexts (" + h.root + ".<layer>.<context>..)";
                    }
                })
                .should()
                .beFreeOfCycles()
                .because("dependencies between contexts point one way (workspace asks identity; identity asks "
                        + "every context through the kernel), so each can change and be split off alone");
    }

    static ArchRule contextsReadOnlyTheirOwnTables(
            Hexagon h, BiFunction<Hexagon, Collection<JavaClass>, TableOwnership> owners) {
        return classes()
                .that()
                .resideInAnyPackage(h.persistence, h.bootstrap)
                .should(nameOnlyTablesOfTheirContext(h, owners))
                .because("a context's tables are its own: another context asks it through its published API (or "
                        + "the kernel's ports), so its schema can change without breaking anyone");
    }

    private static ArchCondition<JavaClass> nameOnlyTablesOfTheirContext(
            Hexagon h, BiFunction<Hexagon, Collection<JavaClass>, TableOwnership> owners) {
        return new ArchCondition<>("name only tables (and entities) of their own context or of the platform") {
            private TableOwnership ownership;

            @Override
            public void init(Collection<JavaClass> all) {
                ownership = owners.apply(h, all);
            }

            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Optional<String> own = h.contextOf(c);
                for (String table : TableOwnership.tablesNamedBy(c)) {
                    Optional<String> owner = ownership.ownerOf(table);
                    if (owner.isPresent() && !owner.equals(own)) {
                        events.add(SimpleConditionEvent.violated(
                                c,
                                "Class <" + c.getName() + "> ("
                                        + own.map(o -> "context '" + o + "'").orElse("no context") + ") names table '"
                                        + table
                                        + "' of context '" + owner.get() + "' in " + c.getSourceCodeLocation()));
                    }
                }
            }
        };
    }

    static Set<String> contextsOf(Hexagon h, Collection<JavaClass> classes) {
        Set<String> contexts = new HashSet<>();
        classes.forEach(c -> h.contextOf(c).ifPresent(contexts::add));
        return contexts;
    }
}

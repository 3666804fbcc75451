package io.strata.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.strata.architecture.GeneratedCode.HAND_WRITTEN;
import static io.strata.architecture.Strata.APPLICATION;
import static io.strata.architecture.Strata.APPLICATION_SHARED;
import static io.strata.architecture.Strata.BOOTSTRAP;
import static io.strata.architecture.Strata.BOOTSTRAP_OPS;
import static io.strata.architecture.Strata.DOMAIN;
import static io.strata.architecture.Strata.PERSISTENCE;
import static io.strata.architecture.Strata.WEB;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/** Where the stereotypes live and what they are called: rules 6, 7, 8 and 15. */
@AnalyzeClasses(packages = Strata.ROOT, importOptions = ProductionClassesOnly.class)
class NamingRules {
    static final String ENTITY = "jakarta.persistence.Entity";
    static final String EMBEDDABLE = "jakarta.persistence.Embeddable";
    static final String CONTROLLER = "io.micronaut.http.annotation.Controller";

    /** An in-port: an interface of the application layer named {@code *UseCase} or {@code *Queries}. */
    static final DescribedPredicate<JavaClass> USE_CASE_INTERFACE = describe(
            "use-case interfaces (interfaces in " + APPLICATION + " named *UseCase or *Queries)",
            NamingRules::isUseCaseInterface);

    static final DescribedPredicate<JavaClass> IMPLEMENT_A_USE_CASE = describe(
            "implement a *UseCase or *Queries interface",
            c -> c.getAllRawInterfaces().stream().anyMatch(NamingRules::isUseCaseInterface));

    static final DescribedPredicate<JavaClass> APPLICATION_SERVICE = describe(
            "use-case services (hand-written classes in " + APPLICATION + " named *Service)",
            c -> PackageMatcher.of(APPLICATION).matches(c.getPackageName())
                    && !c.isInterface()
                    && HAND_WRITTEN.test(c)
                    && c.getSimpleName().endsWith("Service"));

    // ---- 6. JPA entities -----------------------------------------------------------------------

    @ArchTest
    static final ArchRule jpa_types_live_in_persistence = classes()
            .that()
            .areAnnotatedWith(ENTITY)
            .or()
            .areAnnotatedWith(EMBEDDABLE)
            .should()
            .resideInAPackage(PERSISTENCE)
            .because("JPA models mirror tables; they belong to the persistence adapter and never double as domain "
                    + "objects or web payloads (DESIGN §1, §5)");

    @ArchTest
    static final ArchRule entities_are_named_JpaEntity = classes()
            .that()
            .areAnnotatedWith(ENTITY)
            .should()
            .haveSimpleNameEndingWith("JpaEntity")
            .because("the suffix tells a table mirror apart from the domain aggregate of the same name (DESIGN §5)");

    @ArchTest
    static final ArchRule classes_named_JpaEntity_are_entities = classes()
            .that()
            .haveSimpleNameEndingWith("JpaEntity")
            .should()
            .beAnnotatedWith(ENTITY)
            .andShould()
            .resideInAPackage(PERSISTENCE)
            .because("the *JpaEntity suffix is reserved for JPA entities of the persistence adapter (DESIGN §5)");

    /**
     * Embeddables are optional (none exist today), so this one rule explicitly allows an empty selection;
     * where they do exist, jpa_types_live_in_persistence above already requires them in persistence.
     */
    @ArchTest
    static final ArchRule embeddables_are_named_JpaEmbeddable = classes()
            .that()
            .areAnnotatedWith(EMBEDDABLE)
            .should()
            .haveSimpleNameEndingWith("JpaEmbeddable")
            .because("like *JpaEntity, the suffix marks a column group of a table, distinct from the domain value "
                    + "object it maps to (DESIGN §5)")
            .allowEmptyShould(true);

    // ---- 7. use cases and their services -------------------------------------------------------

    @ArchTest
    static final ArchRule use_case_implementations_are_named_Service = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .and(HAND_WRITTEN)
            .and()
            .areNotInterfaces()
            .and(IMPLEMENT_A_USE_CASE)
            .should()
            .haveSimpleNameEndingWith("Service")
            .because("one use case = one <Verb><Noun>UseCase interface implemented by one <Verb><Noun>Service "
                    + "(DESIGN §4); Micronaut's generated subclasses are excluded by name");

    @ArchTest
    static final ArchRule application_services_implement_a_use_case = classes()
            .that(APPLICATION_SERVICE)
            .should(implementAUseCase())
            .because("a *Service in the application layer is the implementation of an in-port (DESIGN §4); a helper "
                    + "that implements none must be named for what it does");

    @ArchTest
    static final ArchRule application_services_are_used_only_by_application_and_bootstrap = classes()
            .that(APPLICATION_SERVICE)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(APPLICATION, BOOTSTRAP)
            .because("callers depend on the in-port interfaces; only the application itself and bootstrap's wiring "
                    + "may name an implementation (DESIGN §1, §4)");

    @ArchTest
    static final ArchRule web_never_depends_on_application_services = noClasses()
            .that()
            .resideInAPackage(WEB)
            .should()
            .dependOnClassesThat(APPLICATION_SERVICE)
            .because("controllers call use cases through their *UseCase/*Queries interfaces, so services can be "
                    + "replaced, decorated or tested without touching the web (DESIGN §4, §6)");

    @ArchTest
    static final ArchRule web_reaches_the_application_only_through_in_ports_and_data = classes()
            .that()
            .resideInAPackage(WEB)
            .should(reachTheApplicationOnlyThroughInPorts())
            .because("the web adapter may use the *UseCase/*Queries interfaces (with their nested Command/result "
                    + "records), application.shared ports, and plain data (records, enums) that commands carry; "
                    + "never behaviour classes of the application layer (DESIGN §4, §6)");

    // ---- 8. controllers ------------------------------------------------------------------------

    /**
     * Bootstrap's operational controllers (the API documentation page) are the one exception: they serve
     * build output (the generated OpenAPI document, Swagger UI assets), call no use case, and so belong to
     * the deployable. Allowed is exactly {@code io.strata.bootstrap.ops..}, nothing else in bootstrap.
     */
    @ArchTest
    static final ArchRule controllers_live_in_the_web_adapter = classes()
            .that()
            .areAnnotatedWith(CONTROLLER)
            .should()
            .resideInAnyPackage(WEB, BOOTSTRAP_OPS)
            .because("HTTP endpoints that call use cases are the web adapter's job (DESIGN §1, §6); bootstrap.ops "
                    + "may only hold operational endpoints such as the docs page");

    @ArchTest
    static final ArchRule controllers_are_named_Controller = classes()
            .that()
            .areAnnotatedWith(CONTROLLER)
            .should()
            .haveSimpleNameEndingWith("Controller")
            .because("the suffix makes every HTTP entry point easy to find (DESIGN §2)");

    @ArchTest
    static final ArchRule web_classes_named_Controller_are_controllers = classes()
            .that()
            .resideInAPackage(WEB)
            .and(HAND_WRITTEN)
            .and()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .beAnnotatedWith(CONTROLLER)
            .because("a *Controller that Micronaut does not route is dead or misleading code (DESIGN §2)");

    // ---- 15. persistence adapters --------------------------------------------------------------

    @ArchTest
    static final ArchRule jpa_mappers_are_mapstruct_mappers_in_persistence = classes()
            .that()
            .haveSimpleNameEndingWith("JpaMapper")
            .should()
            .beAnnotatedWith(GeneratedCode.MAPSTRUCT_MAPPER)
            .andShould()
            .resideInAPackage(PERSISTENCE)
            .andShould(beAnInterfaceOrAbstractClass())
            .because("entity <-> domain mapping is declared with MapStruct (componentModel JAKARTA, "
                    + "unmappedTargetPolicy ERROR) so a new column cannot be forgotten silently (DESIGN §5)");

    @ArchTest
    static final ArchRule persistence_adapters_implement_a_port = classes()
            .that()
            .haveSimpleNameEndingWith("PersistenceAdapter")
            .should()
            .resideInAPackage(PERSISTENCE)
            .andShould(implementAPort())
            .because("a persistence adapter exists to implement an out-port declared by the domain or the "
                    + "application (DESIGN §2, §5: UserPersistenceAdapter implements UserRepository)");

    // ---- helpers -------------------------------------------------------------------------------

    static boolean isUseCaseInterface(JavaClass c) {
        return c.isInterface()
                && PackageMatcher.of(APPLICATION).matches(c.getPackageName())
                && (c.getSimpleName().endsWith("UseCase") || c.getSimpleName().endsWith("Queries"));
    }

    private static ArchCondition<JavaClass> implementAUseCase() {
        return new ArchCondition<>("implement at least one *UseCase or *Queries interface") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean ok = IMPLEMENT_A_USE_CASE.test(c);
                events.add(new SimpleConditionEvent(
                        c,
                        ok,
                        c.getFullName()
                                + (ok ? " implements" : " implements no") + " *UseCase/*Queries interface in "
                                + c.getSourceCodeLocation()));
            }
        };
    }

    private static ArchCondition<JavaClass> beAnInterfaceOrAbstractClass() {
        return new ArchCondition<>("be an interface or an abstract class") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean ok = c.isInterface() || c.getModifiers().contains(JavaModifier.ABSTRACT);
                events.add(new SimpleConditionEvent(
                        c,
                        ok,
                        c.getFullName()
                                + (ok ? " is" : " is neither") + " an interface or an abstract class in "
                                + c.getSourceCodeLocation()));
            }
        };
    }

    private static ArchCondition<JavaClass> implementAPort() {
        return new ArchCondition<>("implement a port interface declared in " + DOMAIN + " or " + APPLICATION
                + " (not an in-port *UseCase/*Queries)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean ok = c.getAllRawInterfaces().stream()
                        .anyMatch(i -> (PackageMatcher.of(DOMAIN).matches(i.getPackageName())
                                        || PackageMatcher.of(APPLICATION).matches(i.getPackageName()))
                                && !isUseCaseInterface(i));
                events.add(new SimpleConditionEvent(
                        c,
                        ok,
                        c.getFullName()
                                + (ok ? " implements" : " implements no") + " domain/application port in "
                                + c.getSourceCodeLocation()));
            }
        };
    }

    private static ArchCondition<JavaClass> reachTheApplicationOnlyThroughInPorts() {
        return new ArchCondition<>("depend on " + APPLICATION + " only through *UseCase/*Queries interfaces "
                + "(and their nested types), " + APPLICATION_SHARED + ", records and enums") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (PackageMatcher.of(APPLICATION).matches(target.getPackageName()) && !allowedFromWeb(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean allowedFromWeb(JavaClass target) {
        if (PackageMatcher.of(APPLICATION_SHARED).matches(target.getPackageName())
                || target.isRecord()
                || target.isEnum()) {
            return !APPLICATION_SERVICE.test(target);
        }
        Optional<JavaClass> c = Optional.of(target);
        while (c.isPresent()) {
            if (isUseCaseInterface(c.get())) {
                return true;
            }
            c = c.get().getEnclosingClass();
        }
        return false;
    }
}

package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.strata.architecture.GeneratedCode.HAND_WRITTEN;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Names as conventions, so that a reader finds things; every rule finds its classes by type (annotation
 * or marker) and checks the name, never the other way round. No boundary depends on a name: the
 * boundaries are in the other rule families.
 * <ul>
 *   <li>{@code entities_are_named_JpaEntity} and {@code embeddables_are_named_JpaEmbeddable}: a table
 *       mirror is told apart from the domain type of the same name ({@code User} / {@code UserJpaEntity});</li>
 *   <li>{@code controllers_are_named_Controller}: every HTTP entry point is easy to find;</li>
 *   <li>{@code use_cases_are_named_UseCase_and_implemented_by_a_Service}: one use case = one
 *       {@code <Verb><Noun>UseCase} implemented by one {@code <Verb><Noun>Service}.</li>
 * </ul>
 * Removed: the reverse checks that found classes by suffix ({@code *JpaEntity} must be an entity,
 * {@code *Controller} a controller, {@code *Service} a use case, {@code *PersistenceAdapter} a port
 * implementation): the port and adapter rules now find those classes by type.
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class NamingRules {

    @ArchTest
    static final ArchRule entities_are_named_JpaEntity = entitiesAreNamedJpaEntity();

    @ArchTest
    static final ArchRule embeddables_are_named_JpaEmbeddable = embeddablesAreNamedJpaEmbeddable();

    @ArchTest
    static final ArchRule controllers_are_named_Controller = controllersAreNamedController();

    @ArchTest
    static final ArchRule use_cases_are_named_UseCase_and_implemented_by_a_Service =
            useCasesAreNamedUseCaseAndImplementedByAService();

    static ArchRule entitiesAreNamedJpaEntity() {
        return classes()
                .that()
                .areAnnotatedWith(AdapterRules.ENTITY)
                .should()
                .haveSimpleNameEndingWith("JpaEntity")
                .because("the suffix tells a table mirror apart from the domain aggregate of the same name");
    }

    static ArchRule embeddablesAreNamedJpaEmbeddable() {
        return classes()
                .that()
                .areAnnotatedWith(AdapterRules.EMBEDDABLE)
                .should()
                .haveSimpleNameEndingWith("JpaEmbeddable")
                .because("like *JpaEntity, the suffix marks a column group of a table, distinct from the domain "
                        + "value it maps to");
    }

    static ArchRule controllersAreNamedController() {
        return classes()
                .that()
                .areAnnotatedWith(AdapterRules.CONTROLLER)
                .should()
                .haveSimpleNameEndingWith("Controller")
                .because("the suffix makes every HTTP entry point easy to find");
    }

    static ArchRule useCasesAreNamedUseCaseAndImplementedByAService() {
        return classes()
                .that()
                .areAnnotatedWith(Stereotypes.USE_CASE)
                .should()
                .haveSimpleNameEndingWith("UseCase")
                .andShould(Conditions.satisfy(
                        "be implemented only by classes named *Service",
                        useCase -> useCase.getAllSubclasses().stream()
                                .filter(HAND_WRITTEN)
                                .allMatch(c -> c.getSimpleName().endsWith("Service")),
                        useCase -> "is implemented by "
                                + useCase.getAllSubclasses().stream()
                                        .filter(HAND_WRITTEN)
                                        .filter(c -> !c.getSimpleName().endsWith("Service"))
                                        .map(c -> c.getName())
                                        .toList()))
                .because("one use case = one <Verb><Noun>UseCase interface implemented by one <Verb><Noun>Service");
    }
}

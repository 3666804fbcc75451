package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.strata.architecture.GeneratedCode.HAND_WRITTEN;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules exclude generated classes by name; these checks keep that exclusion honest, and catch an
 * annotation processor missing from a module's {@code annotationProcessorPaths}:
 * <ul>
 *   <li>{@code classes_named_like_generated_code_are_generated}: a hand-written class named like
 *       Micronaut's output ({@code $Foo$Definition}) would escape every rule about hand-written code;</li>
 *   <li>{@code transactional_code_is_intercepted}: a transaction annotation works only if Micronaut's
 *       processor turned it into around advice; without micronaut-data-processor (or the
 *       {@code processor} module for {@code @ReadOnlyTransaction}, or Micronaut's inject processor for the
 *       adapters' {@code @JoinsTransaction}) it is silently ignored;</li>
 *   <li>{@code mapstruct_mappers_are_implemented_by_mapstruct}: without mapstruct-processor no mapper
 *       bean exists at runtime.</li>
 * </ul>
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class GeneratedCodeRules {
    /** The transaction annotations, and the adapters' check that they run in one. */
    static final List<String> INTERCEPTED_ANNOTATIONS = Stream.concat(
                    TransactionRules.TRANSACTION_ANNOTATIONS.stream(), Stream.of(TransactionRules.JOINS_TRANSACTION))
            .toList();

    static final DescribedPredicate<JavaClass> USE_TRANSACTIONS = DescribedPredicate.describe(
            "use a transaction annotation (" + INTERCEPTED_ANNOTATIONS + ")",
            c -> INTERCEPTED_ANNOTATIONS.stream()
                    .anyMatch(
                            a -> c.isAnnotatedWith(a) || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(a))));

    @ArchTest
    static final ArchRule classes_named_like_generated_code_are_generated = classesNamedLikeGeneratedCodeAreGenerated();

    @ArchTest
    static final ArchRule transactional_code_is_intercepted = transactionalCodeIsIntercepted(Hexagon.STRATA);

    @ArchTest
    static final ArchRule mapstruct_mappers_are_implemented_by_mapstruct = mapstructMappersAreImplementedByMapstruct();

    static ArchRule classesNamedLikeGeneratedCodeAreGenerated() {
        return classes()
                .that(GeneratedCode.NAMED_LIKE_MICRONAUT_OUTPUT)
                .should(Conditions.satisfy(
                        "be Micronaut's output (@" + GeneratedCode.MICRONAUT_GENERATED_ANNOTATION
                                + " and a Micronaut base class, or nested in such a class)",
                        GeneratedCode::isMicronautGenerated,
                        c -> "is named like Micronaut's output but is not (no @Generated or no Micronaut base class)"))
                .because("the rules exclude generated code; a hand-written class named like it would escape them");
    }

    static ArchRule transactionalCodeIsIntercepted(Hexagon h) {
        return classes()
                .that()
                .resideInAnyPackage(h.application, h.persistence)
                .and(HAND_WRITTEN)
                .and(USE_TRANSACTIONS)
                .should(haveAMicronautInterceptedSubclass())
                .because("a transaction annotation only works if Micronaut's processor turned it into around advice "
                        + "($Foo$Definition$Intercepted); otherwise it is silently ignored: use cases run without a "
                        + "transaction, adapters without their @JoinsTransaction (or MANDATORY) check");
    }

    static ArchRule mapstructMappersAreImplementedByMapstruct() {
        return classes()
                .that()
                .areAnnotatedWith(GeneratedCode.MAPSTRUCT_MAPPER)
                .should(haveAMapStructImplementation())
                .because("a @Mapper without its generated FooImpl means mapstruct-processor is missing from the "
                        + "module's annotationProcessorPaths and no bean will exist at runtime; it also proves "
                        + "GeneratedCode.MAPSTRUCT_GENERATED recognises the implementations");
    }

    private static ArchCondition<JavaClass> haveAMapStructImplementation() {
        return new ArchCondition<>("have a MapStruct-generated implementation (FooImpl)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean implemented = c.getAllSubclasses().stream().anyMatch(GeneratedCode.MAPSTRUCT_GENERATED);
                events.add(new SimpleConditionEvent(
                        c,
                        implemented,
                        c.getName() + (implemented ? " has" : " has no") + " generated " + c.getSimpleName() + "Impl"));
            }
        };
    }

    private static ArchCondition<JavaClass> haveAMicronautInterceptedSubclass() {
        return new ArchCondition<>("have a Micronaut-generated $<Name>$Definition$Intercepted subclass") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean intercepted = c.getSubclasses().stream()
                        .anyMatch(s -> GeneratedCode.binarySimpleName(s).endsWith("$Intercepted")
                                && GeneratedCode.MICRONAUT_GENERATED.test(s));
                String methods = c.getMethods().stream()
                        .filter(m -> INTERCEPTED_ANNOTATIONS.stream().anyMatch(m::isAnnotatedWith))
                        .map(JavaMethod::getName)
                        .sorted()
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("<class level>");
                events.add(new SimpleConditionEvent(
                        c,
                        intercepted,
                        c.getName()
                                + (intercepted ? " is" : " is NOT") + " intercepted; transaction annotations on: "
                                + methods
                                + (intercepted
                                        ? ""
                                        : " (no $" + c.getSimpleName() + "$Definition$Intercepted generated)")));
            }
        };
    }
}

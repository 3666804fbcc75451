package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.strata.architecture.GeneratedCode.HAND_WRITTEN;
import static io.strata.architecture.Strata.APPLICATION;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules exclude generated classes by name; these checks keep that exclusion honest, and catch the
 * processor misconfiguration DESIGN §8 warns about (a {@code @Transactional} that is silently ignored).
 */
@AnalyzeClasses(packages = Strata.ROOT, importOptions = ProductionClassesOnly.class)
class GeneratedCodeRules {
    static final String TRANSACTIONAL = "jakarta.transaction.Transactional";

    static final DescribedPredicate<JavaClass> USE_TRANSACTIONAL = DescribedPredicate.describe(
            "use @" + TRANSACTIONAL,
            c -> c.isAnnotatedWith(TRANSACTIONAL)
                    || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(TRANSACTIONAL)));

    @ArchTest
    static final ArchRule generated_classes_are_marked_generated = classes()
            .that(GeneratedCode.MICRONAUT_GENERATED)
            .should(beMarkedGeneratedByMicronaut())
            .because("the name-based exclusion of generated code must never cover a hand-written class: "
                    + "every excluded class carries @io.micronaut.core.annotation.Generated (itself or its "
                    + "enclosing class)");

    @ArchTest
    static final ArchRule transactional_use_cases_are_intercepted = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .and(HAND_WRITTEN)
            .and(USE_TRANSACTIONAL)
            .should(haveAMicronautInterceptedSubclass())
            .because("jakarta.transaction.Transactional only works if Micronaut's processor turned it into around "
                    + "advice ($Foo$Definition$Intercepted); otherwise it is silently ignored and use cases run "
                    + "without a transaction (DESIGN §4, §8)");

    @ArchTest
    static final ArchRule mapstruct_mappers_are_implemented_by_mapstruct = classes()
            .that()
            .areAnnotatedWith(GeneratedCode.MAPSTRUCT_MAPPER)
            .should(haveAMapStructImplementation())
            .because("a @Mapper without its generated FooImpl means mapstruct-processor is missing from the "
                    + "module's annotationProcessorPaths (DESIGN §8) and no bean will exist at runtime; it also "
                    + "proves GeneratedCode.MAPSTRUCT_GENERATED recognises the implementations");

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

    private static ArchCondition<JavaClass> beMarkedGeneratedByMicronaut() {
        return new ArchCondition<>("be annotated with @" + GeneratedCode.MICRONAUT_GENERATED_ANNOTATION
                + " (or be nested in such a class)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                JavaClass outer = c;
                boolean marked = outer.isAnnotatedWith(GeneratedCode.MICRONAUT_GENERATED_ANNOTATION);
                while (!marked && outer.getEnclosingClass().isPresent()) {
                    outer = outer.getEnclosingClass().get();
                    marked = outer.isAnnotatedWith(GeneratedCode.MICRONAUT_GENERATED_ANNOTATION);
                }
                events.add(new SimpleConditionEvent(
                        c, marked, c.getName() + (marked ? " is" : " is not") + " marked @Generated"));
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
                        .filter(m -> m.isAnnotatedWith(TRANSACTIONAL))
                        .map(JavaMethod::getName)
                        .sorted()
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("<class level>");
                events.add(new SimpleConditionEvent(
                        c,
                        intercepted,
                        c.getName()
                                + (intercepted ? " is" : " is NOT") + " intercepted; @Transactional on: " + methods
                                + (intercepted
                                        ? ""
                                        : " (no $" + c.getSimpleName() + "$Definition$Intercepted generated)")));
            }
        };
    }
}

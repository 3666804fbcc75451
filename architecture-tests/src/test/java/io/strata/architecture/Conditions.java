package io.strata.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** Small building blocks for the custom conditions of the rule families. */
final class Conditions {
    private Conditions() {}

    /**
     * Checks every direct dependency of a class (calls, field and parameter types, annotations,
     * inheritance, ...); {@code problem} says what is wrong with one, or nothing.
     */
    static ArchCondition<JavaClass> dependencies(
            String description, BiFunction<JavaClass, Dependency, Optional<String>> problem) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    problem.apply(origin, dependency)
                            .ifPresent(what -> events.add(SimpleConditionEvent.violated(
                                    dependency, what + ": " + dependency.getDescription())));
                }
            }
        };
    }

    /** A property of the class itself; {@code message} explains a class that lacks it. */
    static ArchCondition<JavaClass> satisfy(
            String description, Predicate<JavaClass> ok, Function<JavaClass, String> message) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!ok.test(c)) {
                    events.add(SimpleConditionEvent.violated(
                            c, "Class <" + c.getName() + "> " + message.apply(c) + " in " + c.getSourceCodeLocation()));
                }
            }
        };
    }

    /** The dependency's target, arrays reduced to their component type. */
    static JavaClass target(Dependency dependency) {
        return dependency.getTargetClass().getBaseComponentType();
    }
}

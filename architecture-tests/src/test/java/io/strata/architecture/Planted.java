package io.strata.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.ViolationHandler;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The planted fixtures ({@code io.strata.architecture.fixtures}): a miniature code base laid out like
 * Strata, with contexts {@code alpha} (which publishes an API) and {@code beta} (which asks it), clean
 * classes that every rule must accept, and planted violations that each rule must report. They live in
 * test-classes, so the production rules never see them ({@link ProductionClassesOnly}).
 *
 * <p>{@link #assertReports} evaluates a rule on the fixtures and asserts that the planted classes are
 * among the violating ones (by the class a violation starts from, not by message text), and that the
 * clean ones given are not.
 */
final class Planted {
    static final String ROOT = "io.strata.architecture.fixtures";
    /** All fixtures are compiled in this module, which here holds {@code fixtures.bootstrap}. */
    static final Hexagon HEXAGON = new Hexagon(ROOT, Map.of("architecture-tests", ROOT + ".bootstrap"));

    private static JavaClasses classes;

    private Planted() {}

    static synchronized JavaClasses classes() {
        if (classes == null) {
            classes = new ClassFileImporter().importPackages(ROOT);
        }
        return classes;
    }

    /** Asserts that {@code rule} reports each of {@code planted} (names below {@link #ROOT}). */
    static Reported assertReports(ArchRule rule, String... planted) {
        EvaluationResult result = rule.evaluate(classes());
        Set<String> violators = violators(result);
        assertThat(result.hasViolation())
                .as("%s reports a violation", rule.getDescription())
                .isTrue();
        assertThat(violators)
                .as(
                        "classes reported by: %s%n%s",
                        rule.getDescription(),
                        String.join("\n", result.getFailureReport().getDetails()))
                .containsAll(Arrays.stream(planted).map(Planted::name).toList());
        return new Reported(rule, violators, result);
    }

    static String name(String relative) {
        return ROOT + "." + relative;
    }

    /** The top-level classes violations start from. */
    static Set<String> violators(EvaluationResult result) {
        Set<String> names = new TreeSet<>();
        result.handleViolations((ViolationHandler<Object>) (Collection<Object> objects, String message) ->
                objects.forEach(o -> originOf(o)
                        .ifPresent(c -> names.add(Stereotypes.outermost(c).getName()))));
        return names;
    }

    private static Optional<JavaClass> originOf(Object o) {
        if (o instanceof JavaClass c) {
            return Optional.of(c);
        }
        if (o instanceof Dependency d) {
            return Optional.of(d.getOriginClass());
        }
        if (o instanceof JavaAccess<?> a) {
            return Optional.of(a.getOriginOwner());
        }
        if (o instanceof JavaMember m) {
            return Optional.of(m.getOwner());
        }
        if (o instanceof JavaParameter p) {
            return Optional.of(p.getOwner().getOwner());
        }
        if (o instanceof JavaAnnotation<?> a) {
            return originOf(a.getOwner());
        }
        return Optional.empty();
    }

    /** What a rule reported on the fixtures, for further assertions. */
    record Reported(ArchRule rule, Set<String> violators, EvaluationResult result) {
        /** The clean fixtures given (names below {@link #ROOT}) are not reported. */
        Reported butNot(String... clean) {
            assertThat(violators)
                    .as("classes reported by: %s", rule.getDescription())
                    .doesNotContainAnyElementsOf(
                            Arrays.stream(clean).map(Planted::name).toList());
            return this;
        }

        /** The failure report mentions each text (for rules whose violations are not classes, e.g. cycles). */
        Reported saying(String... texts) {
            String report = String.join("\n", result.getFailureReport().getDetails());
            assertThat(report).contains(texts);
            return this;
        }
    }
}

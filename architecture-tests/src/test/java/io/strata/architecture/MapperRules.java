package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Mappers hold no Java in strings. MapStruct pastes a {@code java(...)} expression into the class it
 * generates unchecked, so such a mapping escapes what the mappers are for: properties matched by
 * name, a column or response field nobody fills and a domain property nobody maps both compile
 * errors (see {@code JpaMapperConfig}, {@code WebMapperConfig}). Name the source property instead,
 * or call a typed method (docs/extending.md). {@code @Mapping} has CLASS retention, so the bytecode
 * still carries it.
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class MapperRules {
    static final String MAPPING = "org.mapstruct.Mapping";
    static final String MAPPINGS = "org.mapstruct.Mappings";
    static final List<String> JAVA_IN_STRINGS = List.of("expression", "defaultExpression", "conditionExpression");

    private static final DescribedPredicate<JavaAnnotation<?>> JAVA_EXPRESSION_MAPPING =
            DescribedPredicate.describe("@Mapping with " + String.join(", ", JAVA_IN_STRINGS), MapperRules::holdsJava);

    @ArchTest
    static final ArchRule mappers_hold_no_java_in_strings = mappersHoldNoJavaInStrings();

    static ArchRule mappersHoldNoJavaInStrings() {
        return noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(GeneratedCode.MAPSTRUCT_MAPPER)
                .should()
                .beAnnotatedWith(JAVA_EXPRESSION_MAPPING)
                .because("a java(...) string is compiled only inside the generated mapper: it escapes the "
                        + "unmapped-property checks and reads as a string to every tool; name the source "
                        + "property or call a typed method instead (docs/extending.md)");
    }

    private static boolean holdsJava(JavaAnnotation<?> annotation) {
        return mappings(annotation)
                .anyMatch(mapping -> JAVA_IN_STRINGS.stream()
                        .map(mapping::get)
                        .anyMatch(value ->
                                value.isPresent() && !value.get().toString().isEmpty()));
    }

    /** A single {@code @Mapping}, or each one of a repeated {@code @Mapping} (stored as {@code @Mappings}). */
    private static Stream<JavaAnnotation<?>> mappings(JavaAnnotation<?> annotation) {
        String type = annotation.getRawType().getName();
        if (type.equals(MAPPING)) {
            return Stream.of(annotation);
        }
        if (type.equals(MAPPINGS)) {
            return annotation
                    .get("value")
                    .map(v -> Arrays.stream((JavaAnnotation<?>[]) v))
                    .orElseGet(Stream::empty);
        }
        return Stream.empty();
    }
}

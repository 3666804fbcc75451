package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules are only worth something if they look at the right classes and can fail: a rule that
 * selects nothing fails, the import holds all five modules' production classes and nothing else, and
 * every rule of every family is proven on a planted violation ({@link Planted}).
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class ArchUnitConfigurationTest {

    @ArchTest
    void fail_on_empty_should_is_switched_on(JavaClasses ignored) {
        assertThat(ArchConfiguration.get().getProperty("archRule.failOnEmptyShould"))
                .as("archunit.properties must set archRule.failOnEmptyShould=true")
                .isEqualTo("true");
    }

    @ArchTest
    void a_rule_over_a_misspelled_package_fails(JavaClasses classes) {
        ArchRule typo = classes()
                .that()
                .resideInAPackage("io.strata.domian..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..");

        assertThatThrownBy(() -> typo.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
        // ... and only because it is empty: allowing emptiness explicitly makes the same rule pass
        typo.allowEmptyShould(true).check(classes);
    }

    @ArchTest
    void every_module_contributes_production_classes(JavaClasses classes) {
        List<String> missing = Hexagon.STRATA.moduleRoots().values().stream()
                .filter(module -> classes.stream().noneMatch(c -> isIn(c, module)))
                .collect(Collectors.toList());
        assertThat(missing)
                .as(
                        "no production class imported from these module packages: %s. Is the module on the test "
                                + "classpath (architecture-tests -> strata-bootstrap -> all modules), built and non-empty?",
                        missing)
                .isEmpty();
    }

    @ArchTest
    void no_test_class_is_imported(JavaClasses classes) {
        List<String> tests = classes.stream()
                .filter(c -> c.getPackageName().startsWith("io.strata.architecture")
                        || c.getSource()
                                .map(s -> s.getUri().toString())
                                .filter(ArchUnitConfigurationTest::isTestLocation)
                                .isPresent())
                .map(JavaClass::getName)
                .collect(Collectors.toList());
        assertThat(tests)
                .as("test classes (of any module, including these rules) must not be subject to the production rules")
                .isEmpty();
    }

    /** The filter is not vacuous: the same import without it does see test classes (these ones). */
    @Test
    void the_production_filter_drops_test_classes() {
        assertThat(new ClassFileImporter()
                        .importPackages("io.strata.architecture")
                        .contain(ArchUnitConfigurationTest.class))
                .isTrue();
        assertThat(new ClassFileImporter()
                        .withImportOption(new ProductionClassesOnly())
                        .importPackages("io.strata.architecture"))
                .isEmpty();
    }

    /**
     * Every rule of every family ({@code *Rules}) has a test of the same name in {@code *RulesTest} that
     * evaluates it on planted violations: a rule that has never been seen failing may be unable to.
     */
    @Test
    void every_rule_is_proven_on_a_planted_violation() throws ClassNotFoundException {
        List<String> families = new ClassFileImporter()
                .importPackages("io.strata.architecture").stream()
                        .filter(c -> c.getPackageName().equals("io.strata.architecture")
                                && c.isTopLevelClass()
                                && c.getSimpleName().endsWith("Rules")
                                && c.isAnnotatedWith(AnalyzeClasses.class))
                        .map(JavaClass::getName)
                        .sorted()
                        .collect(Collectors.toList());
        assertThat(families).as("rule families").hasSizeGreaterThanOrEqualTo(10);
        List<String> unproven = new java.util.ArrayList<>();
        int rules = 0;
        for (String family : families) {
            Class<?> rulesClass = Class.forName(family);
            Class<?> testClass;
            try {
                testClass = Class.forName(family + "Test");
            } catch (ClassNotFoundException e) {
                testClass = null;
            }
            for (java.lang.reflect.Field field : rulesClass.getDeclaredFields()) {
                if (field.isAnnotationPresent(ArchTest.class) && ArchRule.class.isAssignableFrom(field.getType())) {
                    rules++;
                    if (testClass == null || !hasTest(testClass, field.getName())) {
                        unproven.add(rulesClass.getSimpleName() + "." + field.getName());
                    }
                }
            }
        }
        assertThat(unproven)
                .as("rules without a planted-violation test of the same name (of %d rules)", rules)
                .isEmpty();
    }

    private static boolean hasTest(Class<?> testClass, String name) {
        return java.util.Arrays.stream(testClass.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(name) && m.isAnnotationPresent(Test.class));
    }

    private static boolean isTestLocation(String uri) {
        return uri.contains("/test-classes/") || uri.matches(".*-tests?\\.jar!/.*");
    }

    private static boolean isIn(JavaClass c, String modulePackage) {
        return c.getPackageName().equals(modulePackage) || c.getPackageName().startsWith(modulePackage + ".");
    }
}

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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules are only worth something if they look at the right classes: rule 13 (a rule that selects
 * nothing fails) and the import itself (all five modules, production classes only).
 */
@AnalyzeClasses(packages = Strata.ROOT, importOptions = ProductionClassesOnly.class)
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
        List<String> missing = Arrays.stream(Strata.MODULE_PACKAGES)
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

    private static boolean isTestLocation(String uri) {
        return uri.contains("/test-classes/") || uri.matches(".*-tests?\\.jar!/.*");
    }

    private static boolean isIn(JavaClass c, String modulePackage) {
        return c.getPackageName().equals(modulePackage) || c.getPackageName().startsWith(modulePackage + ".");
    }
}

package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Bounded contexts (DESIGN §2): rules 9 and 10, generic over whatever contexts exist. */
@AnalyzeClasses(packages = Strata.ROOT, importOptions = ProductionClassesOnly.class)
class ContextRules {

    @ArchTest
    static final ArchRule contexts_refer_to_each_other_only_by_id =
            contextsReferToEachOtherOnlyById(BoundedContexts.STRATA);

    @ArchTest
    static final ArchRule shared_packages_depend_on_no_context =
            sharedPackagesDependOnNoContext(BoundedContexts.STRATA);

    static ArchRule contextsReferToEachOtherOnlyById(BoundedContexts contexts) {
        return classes()
                .that(contexts.resideInAContext())
                .should(contexts.dependOnOtherContextsOnlyThroughTheirIds())
                .because("contexts evolve and may be split apart independently; they share ids (a Task holds a "
                        + "UserId, never a User) and the shared kernel, nothing else (DESIGN §2)");
    }

    static ArchRule sharedPackagesDependOnNoContext(BoundedContexts contexts) {
        return classes()
                .that(contexts.resideInASharedPackage())
                .should(contexts.notDependOnAnyContext())
                .because("shared code is the kernel every context builds on; if it knew a context, that context "
                        + "could no longer change without touching all of them, and packages would form cycles "
                        + "(DESIGN §2)");
    }

    // ---- the rules themselves are tested on fixtures: today's code has a single context ------------

    private static final String FIXTURES = "io.strata.architecture.fixtures";
    private static final BoundedContexts FIXTURE_CONTEXTS = new BoundedContexts(FIXTURES);

    @Test
    void context_is_the_package_below_the_layer() {
        BoundedContexts c = BoundedContexts.STRATA;
        assertThat(c.contextOf("io.strata.domain.identity")).contains("identity");
        assertThat(c.contextOf("io.strata.application.workspace.tasks")).contains("workspace");
        assertThat(c.contextOf("io.strata.adapters.persistence.community")).contains("community");
        assertThat(c.contextOf("io.strata.adapters.web.events")).contains("events");
        assertThat(c.contextOf("io.strata.domain.billing"))
                .as("a new context needs no rule change")
                .contains("billing");
        assertThat(c.contextOf("io.strata.domain.shared")).isEmpty();
        assertThat(c.contextOf("io.strata.adapters.web.shared.paging")).isEmpty();
        assertThat(c.contextOf("io.strata.adapters.web")).isEmpty();
        assertThat(c.contextOf("io.strata.adapters")).isEmpty();
        assertThat(c.contextOf("io.strata.bootstrap.config")).isEmpty();
        assertThat(c.isShared("io.strata.adapters.persistence.shared")).isTrue();
        assertThat(c.isShared("io.strata.domain.identity")).isFalse();
    }

    @Test
    void a_context_reaching_into_another_context_is_reported_and_ids_are_allowed() {
        JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);
        EvaluationResult result =
                contextsReferToEachOtherOnlyById(FIXTURE_CONTEXTS).evaluate(fixtures);

        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report)
                .contains("context 'beta' reaches into context 'alpha'")
                .contains("application.beta.BetaService")
                .contains("fixtures.domain.alpha.Alpha>")
                .doesNotContain("domain.beta.Beta.");
        assertThat(result.getFailureReport().getDetails())
                .as("only the dependency on Alpha itself is a violation; AlphaId is the published id")
                .allMatch(line -> !line.contains("AlphaId"));
    }

    @Test
    void shared_code_depending_on_a_context_is_reported() {
        JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);
        assertThatThrownBy(
                        () -> sharedPackagesDependOnNoContext(FIXTURE_CONTEXTS).check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("shared code depends on context 'alpha'")
                .hasMessageContaining("domain.shared.Kernel");
    }
}

package io.strata.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * {@code packages_are_free_of_cycles}: the package graph is a DAG, within a context and between the
 * kernel's sub-packages as much as between layers ({@code ContextRules.contexts_are_free_of_cycles}
 * looks at whole contexts across layers).
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class CycleRules {

    /**
     * One slice per package. Micronaut's generated bean definitions sit in the package of their bean and
     * only point at what the bean itself uses, so they add no package edge a hand-written class does not.
     */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles = packagesAreFreeOfCycles(Hexagon.STRATA);

    static ArchRule packagesAreFreeOfCycles(Hexagon h) {
        return slices().matching(h.root + ".(**)")
                .should()
                .beFreeOfCycles()
                .because("a cycle between packages makes them one unit that can only be understood, tested and "
                        + "changed together; it usually means a context or shared package is in the wrong place");
    }
}

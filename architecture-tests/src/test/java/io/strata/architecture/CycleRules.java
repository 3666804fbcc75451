package io.strata.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rule 11: the package graph is a DAG. */
@AnalyzeClasses(packages = Strata.ROOT, importOptions = ProductionClassesOnly.class)
class CycleRules {

    /**
     * One slice per package. Micronaut's generated bean definitions sit in the package of their bean and
     * only point at what the bean itself uses, so they add no package edge a hand-written class does not.
     */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("io.strata.(**)")
            .should()
            .beFreeOfCycles()
            .because("a cycle between packages makes them one unit that can only be understood, tested and changed "
                    + "together; it usually means a context or shared package is in the wrong place");
}

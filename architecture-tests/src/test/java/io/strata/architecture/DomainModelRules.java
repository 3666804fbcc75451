package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static io.strata.architecture.Strata.AGGREGATE_ROOT;
import static io.strata.architecture.Strata.DOMAIN;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Shape of the domain model (DESIGN §3): rule 14. */
@AnalyzeClasses(packages = Strata.ROOT, importOptions = ProductionClassesOnly.class)
class DomainModelRules {

    @ArchTest
    static final ArchRule aggregates_are_final_with_factories_and_no_public_constructor = classes()
            .that()
            .areAssignableTo(AGGREGATE_ROOT)
            .and()
            .doNotHaveFullyQualifiedName(AGGREGATE_ROOT)
            .should()
            .resideInAPackage(DOMAIN)
            .andShould()
            .haveModifier(JavaModifier.FINAL)
            .andShould(haveNoPublicConstructor())
            .andShould(declareAStaticReconstituteFactory())
            .because("an aggregate is built only through create(...) (validates, records events) or "
                    + "reconstitute(...) (loading: no validation, no events), and cannot be subclassed around its "
                    + "invariants (DESIGN §3)");

    @ArchTest
    static final ArchRule ids_are_records = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .and()
            .haveSimpleNameEndingWith("Id")
            .should()
            .beRecords()
            .because("ids are immutable value objects with value equality, validated in the compact constructor, "
                    + "and the only thing contexts share (DESIGN §2, §3)");

    @ArchTest
    static final ArchRule domain_has_no_public_setters = noMethods()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage(DOMAIN)
            .and()
            .arePublic()
            .should()
            .haveNameMatching("set[A-Z].*")
            .because("state changes go through behaviour methods that keep the invariants "
                    + "(user.deactivate(clock)), never through setters (DESIGN §3)");

    private static ArchCondition<JavaClass> haveNoPublicConstructor() {
        return new ArchCondition<>("have no public constructor") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaConstructor constructor : c.getConstructors()) {
                    if (constructor.getModifiers().contains(JavaModifier.PUBLIC)) {
                        events.add(SimpleConditionEvent.violated(
                                constructor, constructor.getDescription() + " is public"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> declareAStaticReconstituteFactory() {
        return new ArchCondition<>("declare a public static reconstitute(...) factory returning the aggregate") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean found = false;
                for (JavaMethod m : c.getMethods()) {
                    if (m.getName().equals("reconstitute")
                            && m.getModifiers().contains(JavaModifier.STATIC)
                            && m.getModifiers().contains(JavaModifier.PUBLIC)
                            && m.getRawReturnType().equals(c)) {
                        found = true;
                    }
                }
                if (!found) {
                    events.add(SimpleConditionEvent.violated(
                            c,
                            c.getFullName()
                                    + " declares no public static reconstitute(...) returning " + c.getSimpleName()
                                    + " in " + c.getSourceCodeLocation()));
                }
            }
        };
    }
}

package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static io.strata.architecture.GeneratedCode.GENERATED;
import static io.strata.architecture.GeneratedCode.HAND_WRITTEN;
import static io.strata.architecture.Strata.ADAPTERS;
import static io.strata.architecture.Strata.APPLICATION;
import static io.strata.architecture.Strata.BOOTSTRAP;
import static io.strata.architecture.Strata.DOMAIN;
import static io.strata.architecture.Strata.PERSISTENCE;
import static io.strata.architecture.Strata.WEB;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/** Which module may see which (DESIGN §1): rules 1-5 and 12. */
@AnalyzeClasses(packages = Strata.ROOT, importOptions = ProductionClassesOnly.class)
class LayerRules {

    // ---- 1. domain -----------------------------------------------------------------------------

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk_and_itself = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN)
            .because("the domain is the framework-free core (DESIGN §1): business rules must compile, run and be "
                    + "tested with the JDK alone, and never change because a framework did");

    @ArchTest
    static final ArchRule domain_carries_no_framework_annotations = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should(carryOnlyJdkAnnotations())
            .because("annotations from Jakarta, Micronaut, Hibernate, serde or validation would put infrastructure "
                    + "concerns (mapping, injection, JSON) into the domain model (DESIGN §1)");

    // ---- 2./3. application ---------------------------------------------------------------------

    @ArchTest
    static final ArchRule application_hand_written_code_depends_only_on_domain_and_jakarta_inject_or_transaction =
            classes()
                    .that()
                    .resideInAPackage(APPLICATION)
                    .and(HAND_WRITTEN)
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", DOMAIN, APPLICATION, "jakarta.inject..", "jakarta.transaction..")
                    .because("use cases are framework-neutral (DESIGN §1/§4): the only annotations they may use are "
                            + "jakarta.inject bean markers and @jakarta.transaction.Transactional; the bean "
                            + "definitions Micronaut generates next to them are excluded by name, not by loosening");

    @ArchTest
    static final ArchRule application_hand_written_code_uses_no_micronaut_jpa_hibernate_or_adapter = noClasses()
            .that()
            .resideInAPackage(APPLICATION)
            .and(HAND_WRITTEN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micronaut..", "jakarta.persistence..", "org.hibernate..", ADAPTERS, BOOTSTRAP)
            .because("the application layer is the hexagon's inside: it talks to persistence and the web only "
                    + "through ports, and reaches Micronaut only through generated code (DESIGN §1, §4)");

    @ArchTest
    static final ArchRule application_generated_code_uses_no_jpa_hibernate_or_adapter = noClasses()
            .that()
            .resideInAPackage(APPLICATION)
            .and(GENERATED)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", ADAPTERS, BOOTSTRAP)
            .because("generated bean definitions may use Micronaut's bean and AOP runtime, but never persistence "
                    + "or adapter types: that would mean a hand-written class asked for them");

    // ---- 4. adapters are independent of each other ---------------------------------------------

    @ArchTest
    static final ArchRule persistence_does_not_depend_on_web_or_bootstrap = noClasses()
            .that()
            .resideInAPackage(PERSISTENCE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WEB, BOOTSTRAP)
            .because("adapters are plugged into the hexagon independently; only bootstrap knows them all (DESIGN §1)");

    @ArchTest
    static final ArchRule web_does_not_depend_on_persistence_or_bootstrap = noClasses()
            .that()
            .resideInAPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PERSISTENCE, BOOTSTRAP)
            .because("adapters are plugged into the hexagon independently; only bootstrap knows them all (DESIGN §1)");

    // ---- 5. web knows nothing about storage ----------------------------------------------------

    @ArchTest
    static final ArchRule web_uses_no_jpa_hibernate_micronaut_data_flyway_or_jdbc = noClasses()
            .that()
            .resideInAPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.persistence..",
                    "org.hibernate..",
                    "io.micronaut.data..",
                    "org.flywaydb..",
                    "java.sql..",
                    "javax.sql..")
            .because("the web adapter speaks use cases and domain values; storage types in controllers leak the "
                    + "schema into the HTTP API and bypass the application layer (DESIGN §1, §6)");

    // ---- 12. the layers as a whole -------------------------------------------------------------

    @ArchTest
    static final ArchRule layers_follow_the_hexagon = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Domain")
            .definedBy(DOMAIN)
            .layer("Application")
            .definedBy(APPLICATION)
            .layer("Persistence")
            .definedBy(PERSISTENCE)
            .layer("Web")
            .definedBy(WEB)
            .layer("Bootstrap")
            .definedBy(BOOTSTRAP)
            .whereLayer("Domain")
            .mayNotAccessAnyLayer()
            .whereLayer("Application")
            .mayOnlyAccessLayers("Domain")
            .whereLayer("Persistence")
            .mayOnlyAccessLayers("Domain", "Application")
            .whereLayer("Web")
            .mayOnlyAccessLayers("Domain", "Application")
            .whereLayer("Bootstrap")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Persistence")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Web")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .because("DESIGN §1: domain <- application <- {persistence, web} <- bootstrap; every io.strata class "
                    + "belongs to exactly one of these modules");

    // ---- helpers -------------------------------------------------------------------------------

    private static ArchCondition<JavaClass> carryOnlyJdkAnnotations() {
        return new ArchCondition<>("carry only JDK annotations (java..) on the class, its members and parameters") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                report(c.getDescription(), c.getAnnotations(), events);
                for (JavaMember member : c.getMembers()) {
                    report(member.getDescription(), member.getAnnotations(), events);
                    if (member instanceof JavaCodeUnit codeUnit) {
                        for (JavaParameter parameter : codeUnit.getParameters()) {
                            report(parameter.getDescription(), parameter.getAnnotations(), events);
                        }
                    }
                }
            }

            private void report(String owner, Set<? extends JavaAnnotation<?>> annotations, ConditionEvents events) {
                for (JavaAnnotation<?> annotation : annotations) {
                    String type = annotation.getRawType().getName();
                    if (!type.startsWith("java.")) {
                        events.add(SimpleConditionEvent.violated(annotation, owner + " is annotated with @" + type));
                    }
                }
            }
        };
    }
}

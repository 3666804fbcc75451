package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static io.strata.architecture.Stereotypes.AGGREGATES;
import static io.strata.architecture.Stereotypes.DOMAIN_EVENTS;
import static io.strata.architecture.Stereotypes.IDENTIFIERS;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape of the domain model, with aggregates, ids and events found by type:
 * <ul>
 *   <li>{@code aggregates_are_final_domain_classes_built_by_factories}: an aggregate is built only
 *       through {@code create(...)} (validates, records events) or {@code reconstitute(...)} (loading),
 *       and cannot be subclassed around its invariants;</li>
 *   <li>{@code aggregates_refer_to_other_aggregates_by_id}: an aggregate holds another aggregate's id,
 *       never the aggregate (not in a field, a collection or an array), so each one is loaded, locked
 *       and saved on its own;</li>
 *   <li>{@code ids_are_records_in_the_domain}: ids are immutable values with value equality, declared in
 *       the domain, the only thing contexts share besides the kernel;</li>
 *   <li>{@code domain_events_are_records_in_the_domain}: events are immutable facts recorded by aggregates;
 *       an event class in the application or an adapter would be a message nobody's aggregate made;</li>
 *   <li>{@code domain_has_no_public_setters}: state changes go through behaviour methods that keep the
 *       invariants.</li>
 * </ul>
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class DomainModelRules {

    @ArchTest
    static final ArchRule aggregates_are_final_domain_classes_built_by_factories =
            aggregatesAreFinalDomainClassesBuiltByFactories(Hexagon.STRATA);

    @ArchTest
    static final ArchRule aggregates_refer_to_other_aggregates_by_id = aggregatesReferToOtherAggregatesById();

    @ArchTest
    static final ArchRule ids_are_records_in_the_domain = idsAreRecordsInTheDomain(Hexagon.STRATA);

    @ArchTest
    static final ArchRule domain_events_are_records_in_the_domain = domainEventsAreRecordsInTheDomain(Hexagon.STRATA);

    @ArchTest
    static final ArchRule domain_has_no_public_setters = domainHasNoPublicSetters(Hexagon.STRATA);

    static ArchRule aggregatesAreFinalDomainClassesBuiltByFactories(Hexagon h) {
        return classes()
                .that(AGGREGATES)
                .should()
                .resideInAPackage(h.domain)
                .andShould()
                .haveModifier(JavaModifier.FINAL)
                .andShould(haveNoPublicConstructor())
                .andShould(declareAStaticReconstituteFactory())
                .because("an aggregate is built only through create(...) (validates, records events) or "
                        + "reconstitute(...) (loading: no validation, no events), and cannot be subclassed around "
                        + "its invariants");
    }

    static ArchRule aggregatesReferToOtherAggregatesById() {
        return classes()
                .that(AGGREGATES)
                .should(holdNoOtherAggregate())
                .because("an aggregate is the unit of consistency: it is loaded, locked and saved alone, and "
                        + "refers to others by their id (a Task holds a ProjectId, never the Project)");
    }

    static ArchRule idsAreRecordsInTheDomain(Hexagon h) {
        return classes()
                .that(IDENTIFIERS)
                .should()
                .beRecords()
                .andShould()
                .resideInAPackage(h.domain)
                .because("ids are immutable values with value equality, validated in the compact constructor, and "
                        + "the only thing of a context that other contexts may hold");
    }

    static ArchRule domainEventsAreRecordsInTheDomain(Hexagon h) {
        return classes()
                .that(DOMAIN_EVENTS)
                .should()
                .beRecords()
                .andShould()
                .resideInAPackage(h.domain)
                .because("an event is an immutable fact an aggregate recorded; only the domain records events, "
                        + "and the outbox stores them as they are");
    }

    static ArchRule domainHasNoPublicSetters(Hexagon h) {
        return noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(h.domain)
                .and()
                .arePublic()
                .should()
                .haveNameMatching("set[A-Z].*")
                .because("state changes go through behaviour methods that keep the invariants "
                        + "(user.deactivate(clock)), never through setters");
    }

    // ---- helpers ------------------------------------------------------------------------------------

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
        return Conditions.satisfy(
                "declare a public static reconstitute(...) factory returning the aggregate",
                c -> c.getMethods().stream().anyMatch(m -> isReconstitute(m, c)),
                c -> "declares no public static reconstitute(...) returning " + c.getSimpleName());
    }

    private static boolean isReconstitute(JavaMethod m, JavaClass c) {
        return m.getName().equals("reconstitute")
                && m.getModifiers().contains(JavaModifier.STATIC)
                && m.getModifiers().contains(JavaModifier.PUBLIC)
                && m.getRawReturnType().equals(c);
    }

    private static ArchCondition<JavaClass> holdNoOtherAggregate() {
        return new ArchCondition<>("hold no other aggregate in a field (nor in a collection or array of them)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaField field : c.getAllFields()) {
                    for (JavaClass type : field.getType().getAllInvolvedRawTypes()) {
                        JavaClass raw = type.getBaseComponentType();
                        if (Stereotypes.isAggregate(raw)) {
                            events.add(SimpleConditionEvent.violated(
                                    field,
                                    field.getDescription() + " holds aggregate " + raw.getName() + " in "
                                            + c.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }
}

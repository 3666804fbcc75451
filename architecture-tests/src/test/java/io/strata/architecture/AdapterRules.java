package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the adapters' stereotypes live, found by their framework annotations:
 * <ul>
 *   <li>{@code controllers_live_in_the_web_adapter}: HTTP endpoints are the web adapter's, except
 *       bootstrap's operational ones ({@code bootstrap.ops}: the documentation page), which
 *       {@code operational_controllers_call_no_application_code} keeps from becoming a second web
 *       adapter;</li>
 *   <li>{@code persistence_types_live_in_the_persistence_adapter}: JPA entities, embeddables, mapped
 *       superclasses, converters and Micronaut Data repositories mirror tables; bootstrap compiles against
 *       JPA and could hold one;</li>
 *   <li>{@code mappers_live_in_the_adapters}: MapStruct mappers translate between the domain and an
 *       adapter's own types (entities, requests, responses), so they belong to that adapter;</li>
 *   <li>{@code the_web_adapter_hands_out_no_aggregates}: a controller returns, and a response record
 *       holds, the web adapter's own types; an aggregate serialized as it is (say, with a
 *       {@code @SerdeImport}) would make the domain model the API, so that no field could be renamed or
 *       kept private again;</li>
 *   <li>{@code bootstrap_uses_only_the_shared_packages_of_the_adapters}: bootstrap wires, starts and
 *       stops; the adapters' context packages (entities, repositories, controllers) are theirs. Together
 *       with the port rules (bootstrap reaches the application only through inbound ports, calls no
 *       outbound port, builds no aggregate) this keeps business logic out of bootstrap;</li>
 *   <li>{@code http_filters_are_declared_on_every_path}: Micronaut matches a filter's path pattern or method
 *       condition on every request (splitting the pattern and the path into new strings each time) unless the
 *       filter is declared on {@code /**} for every method; Strata's filters are, test their paths themselves
 *       ({@code FilterPaths}) and are never {@code @ExecuteOn} (only what blocks goes to {@code OffEventLoop}).</li>
 *   <li>{@code micronaut_data_entity_events_are_not_used}: Strata does not install Micronaut Data's entity events
 *       ({@code WithoutEntityEvents}: their listeners cost every write a lookup per entity), so its auto-populated
 *       properties ({@code @DateCreated}, {@code @DateUpdated}, {@code @AutoPopulated}), its event annotations and
 *       {@code EntityEventListener} beans would silently do nothing; time comes from the domain's {@code Clock}.</li>
 * </ul>
 * A mapper that hands a JPA entity to the web, or a controller that calls a persistence helper
 * statically, is reported by {@code LayerRules.layers_follow_the_hexagon} (web never reaches
 * persistence) and {@code LayerRules.the_web_adapter_uses_no_storage_technology}.
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class AdapterRules {
    static final String CONTROLLER = "io.micronaut.http.annotation.Controller";
    static final String ENTITY = "jakarta.persistence.Entity";
    static final String EMBEDDABLE = "jakarta.persistence.Embeddable";
    static final String MAPPED_SUPERCLASS = "jakarta.persistence.MappedSuperclass";
    static final String CONVERTER = "jakarta.persistence.Converter";
    static final String MICRONAUT_DATA_REPOSITORY = "io.micronaut.data.annotation.Repository";
    static final String SERVER_FILTER = "io.micronaut.http.annotation.ServerFilter";
    static final String EVERY_PATH = "/**";
    static final String EXECUTE_ON = "io.micronaut.scheduling.annotation.ExecuteOn";
    static final String MICRONAUT_DATA_ANNOTATION = "io.micronaut.data.annotation";
    static final String MICRONAUT_DATA_EVENTS = "io.micronaut.data.event";

    @ArchTest
    static final ArchRule controllers_live_in_the_web_adapter = controllersLiveInTheWebAdapter(Hexagon.STRATA);

    @ArchTest
    static final ArchRule operational_controllers_call_no_application_code =
            operationalControllersCallNoApplicationCode(Hexagon.STRATA);

    @ArchTest
    static final ArchRule persistence_types_live_in_the_persistence_adapter =
            persistenceTypesLiveInThePersistenceAdapter(Hexagon.STRATA);

    @ArchTest
    static final ArchRule mappers_live_in_the_adapters = mappersLiveInTheAdapters(Hexagon.STRATA);

    @ArchTest
    static final ArchRule the_web_adapter_hands_out_no_aggregates = theWebAdapterHandsOutNoAggregates(Hexagon.STRATA);

    @ArchTest
    static final ArchRule bootstrap_uses_only_the_shared_packages_of_the_adapters =
            bootstrapUsesOnlyTheSharedPackagesOfTheAdapters(Hexagon.STRATA);

    @ArchTest
    static final ArchRule http_filters_are_declared_on_every_path = httpFiltersAreDeclaredOnEveryPath(Hexagon.STRATA);

    @ArchTest
    static final ArchRule micronaut_data_entity_events_are_not_used =
            micronautDataEntityEventsAreNotUsed(Hexagon.STRATA);

    static ArchRule controllersLiveInTheWebAdapter(Hexagon h) {
        return classes()
                .that()
                .areAnnotatedWith(CONTROLLER)
                .should()
                .resideInAnyPackage(h.web, h.bootstrapOps)
                .because("HTTP endpoints that call use cases are the web adapter's job; bootstrap.ops may only hold "
                        + "operational endpoints such as the docs page");
    }

    static ArchRule operationalControllersCallNoApplicationCode(Hexagon h) {
        return noClasses()
                .that()
                .areAnnotatedWith(CONTROLLER)
                .and()
                .resideOutsideOfPackage(h.web)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(h.domain, h.application)
                .because("an endpoint outside the web adapter serves build output or operational state; one that "
                        + "calls the application is a second, unguarded web adapter");
    }

    static ArchRule persistenceTypesLiveInThePersistenceAdapter(Hexagon h) {
        return classes()
                .that()
                .areAnnotatedWith(ENTITY)
                .or()
                .areAnnotatedWith(EMBEDDABLE)
                .or()
                .areAnnotatedWith(MAPPED_SUPERCLASS)
                .or()
                .areAnnotatedWith(CONVERTER)
                .or()
                .areAnnotatedWith(MICRONAUT_DATA_REPOSITORY)
                .should()
                .resideInAPackage(h.persistence)
                .because("JPA models and Micronaut Data repositories mirror tables; they belong to the persistence "
                        + "adapter and never double as domain objects or web payloads");
    }

    static ArchRule mappersLiveInTheAdapters(Hexagon h) {
        return classes()
                .that()
                .areAnnotatedWith(GeneratedCode.MAPSTRUCT_MAPPER)
                .should()
                .resideInAnyPackage(h.persistence, h.web)
                .because("a mapper translates between the domain and one adapter's own types, so it is that "
                        + "adapter's");
    }

    static ArchRule theWebAdapterHandsOutNoAggregates(Hexagon h) {
        return classes()
                .that()
                .resideInAPackage(h.web)
                .and(GeneratedCode.HAND_WRITTEN)
                .should(holdOrReturnNoAggregate())
                .because("responses are the web adapter's own records, mapped from the domain: the API can then "
                        + "stay the same while the model changes, and nothing internal leaks");
    }

    private static ArchCondition<JavaClass> holdOrReturnNoAggregate() {
        return new ArchCondition<>("hold no aggregate in a field and return none from a controller method") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaField field : c.getFields()) {
                    field.getType().getAllInvolvedRawTypes().stream()
                            .map(JavaClass::getBaseComponentType)
                            .filter(Stereotypes::isAggregate)
                            .findFirst()
                            .ifPresent(a -> events.add(SimpleConditionEvent.violated(
                                    field,
                                    field.getDescription() + " holds aggregate " + a.getName() + " in "
                                            + c.getSourceCodeLocation())));
                }
                if (c.isAnnotatedWith(CONTROLLER)) {
                    for (JavaMethod method : c.getMethods()) {
                        method.getReturnType().getAllInvolvedRawTypes().stream()
                                .map(JavaClass::getBaseComponentType)
                                .filter(Stereotypes::isAggregate)
                                .findFirst()
                                .ifPresent(a -> events.add(SimpleConditionEvent.violated(
                                        method,
                                        method.getDescription() + " returns aggregate " + a.getName() + " in "
                                                + c.getSourceCodeLocation())));
                    }
                }
            }
        };
    }

    static ArchRule bootstrapUsesOnlyTheSharedPackagesOfTheAdapters(Hexagon h) {
        return classes()
                .that()
                .resideInAPackage(h.bootstrap)
                .should(Conditions.dependencies(
                        "depend on the adapters only through their shared packages", (origin, dependency) -> {
                            JavaClass target = Conditions.target(dependency);
                            return h.isIn(target, h.adapters)
                                            && h.contextOf(target).isPresent()
                                    ? Optional.of("bootstrap reaches into a context's adapter")
                                    : Optional.empty();
                        }))
                .because("bootstrap wires and runs the deployable; a context's entities, repositories and "
                        + "controllers are reached through use cases, never from bootstrap");
    }

    static ArchRule micronautDataEntityEventsAreNotUsed(Hexagon h) {
        return classes()
                .that()
                .resideInAPackage(h.root + "..")
                .should(useNoMicronautDataEntityEvent())
                .because("Strata does not install Micronaut Data's entity events (WithoutEntityEvents), so an "
                        + "auto-populated property or an entity event listener would silently do nothing; "
                        + "timestamps come from the domain's Clock, and a change's consequences are domain events");
    }

    /**
     * Declares no auto-populated property ({@code @DateCreated}, {@code @DateUpdated}: meta-annotated
     * {@code @AutoPopulated}), no Micronaut Data event method ({@code io.micronaut.data.annotation.event}) and no
     * {@code EntityEventListener}. Annotations, not dependencies: Micronaut's generated introspections name these
     * annotations for every entity.
     */
    private static ArchCondition<JavaClass> useNoMicronautDataEntityEvent() {
        return new ArchCondition<>("use no Micronaut Data entity event") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (c.isAssignableTo(MICRONAUT_DATA_EVENTS + ".EntityEventListener")) {
                    events.add(SimpleConditionEvent.violated(
                            c, c.getName() + " is an EntityEventListener in " + c.getSourceCodeLocation()));
                }
                List<HasAnnotations<?>> annotated = new ArrayList<>();
                annotated.add(c);
                annotated.addAll(c.getFields());
                annotated.addAll(c.getMethods());
                for (HasAnnotations<?> element : annotated) {
                    for (JavaAnnotation<?> annotation : element.getAnnotations()) {
                        JavaClass type = annotation.getRawType();
                        if (type.getPackageName().startsWith(MICRONAUT_DATA_ANNOTATION + ".event")
                                || type.isMetaAnnotatedWith(MICRONAUT_DATA_ANNOTATION + ".AutoPopulated")
                                || type.getName().equals(MICRONAUT_DATA_ANNOTATION + ".AutoPopulated")) {
                            events.add(SimpleConditionEvent.violated(
                                    c,
                                    element.getDescription() + " is annotated @" + type.getSimpleName() + " in "
                                            + c.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }

    static ArchRule httpFiltersAreDeclaredOnEveryPath(Hexagon h) {
        return classes()
                .that()
                .resideInAPackage(h.root + "..")
                .and()
                .areAnnotatedWith(SERVER_FILTER)
                .should(beDeclaredOnEveryPathAndStayOnTheEventLoop())
                .because("Micronaut lists the filters declared on every path (no pattern, no method condition) once, "
                        + "and matches every other filter on each request; a filter tests its paths itself with "
                        + "FilterPaths, and hands only the work that blocks to OffEventLoop (@ExecuteOn would move "
                        + "every request it sees to another thread)");
    }

    private static ArchCondition<JavaClass> beDeclaredOnEveryPathAndStayOnTheEventLoop() {
        return new ArchCondition<>("be declared on " + EVERY_PATH + " only, for every method, without @ExecuteOn") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                JavaAnnotation<JavaClass> filter = c.getAnnotationOfType(SERVER_FILTER);
                List<String> declared = new ArrayList<>();
                for (String attribute : List.of("value", "patterns")) {
                    if (filter.get(attribute).orElse(null) instanceof String[] strings) {
                        declared.addAll(List.of(strings));
                    }
                }
                if (!declared.isEmpty() && !declared.equals(List.of(EVERY_PATH))) {
                    events.add(SimpleConditionEvent.violated(
                            c, c.getName() + " is declared on " + declared + " in " + c.getSourceCodeLocation()));
                }
                if (filter.get("methods").orElse(null) instanceof Object[] methods && methods.length > 0) {
                    events.add(SimpleConditionEvent.violated(
                            c,
                            c.getName() + " is declared for some HTTP methods only in " + c.getSourceCodeLocation()));
                }
                for (JavaMethod method : c.getMethods()) {
                    if (method.isAnnotatedWith(EXECUTE_ON)) {
                        events.add(SimpleConditionEvent.violated(
                                method, method.getFullName() + " is @ExecuteOn in " + c.getSourceCodeLocation()));
                    }
                }
                if (c.isAnnotatedWith(EXECUTE_ON)) {
                    events.add(SimpleConditionEvent.violated(
                            c, c.getName() + " is @ExecuteOn in " + c.getSourceCodeLocation()));
                }
            }
        };
    }
}

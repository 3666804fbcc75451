package io.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.strata.architecture.GeneratedCode.HAND_WRITTEN;
import static io.strata.architecture.Stereotypes.INBOUND_PORTS;
import static io.strata.architecture.Stereotypes.INBOUND_PORT_IMPLEMENTATIONS;
import static io.strata.architecture.Stereotypes.OUTBOUND_PORTS;
import static io.strata.architecture.Stereotypes.OUTBOUND_PORT_IMPLEMENTATIONS;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/**
 * The hexagon's two sides, with ports found by their markers ({@code @UseCase}, {@code @Query},
 * {@code @OutboundPort}). Driving adapters (the web adapter's controllers and filters, bootstrap's
 * commands and scheduled jobs) call inbound ports; the application calls outbound ports; driven adapters
 * (persistence) implement them. Each rule closes one way around that:
 * <ul>
 *   <li>{@code inbound_ports_are_interfaces_of_the_application}: a use case is an interface in the
 *       application, so callers never depend on how it is done;</li>
 *   <li>{@code inbound_ports_are_implemented_in_the_application}: a controller or an adapter that
 *       implements a use case is business logic outside the hexagon's inside;</li>
 *   <li>{@code inbound_port_implementations_are_reached_only_through_their_interfaces}: nothing names a
 *       use-case service (not a controller, not bootstrap, not another service); only Micronaut's
 *       generated bean definitions do. A service can then be decorated, replaced or tested alone;</li>
 *   <li>{@code outbound_ports_are_interfaces_of_the_inside}: ports are declared by the domain or the
 *       application, never by an adapter (an adapter-declared "port" would point the wrong way);</li>
 *   <li>{@code outbound_ports_are_implemented_by_driven_adapters_or_context_translators}: a port is
 *       implemented by a driven adapter (persistence, not the web), or in the application by a
 *       translator that answers it through another context's published API (see ContextRules); an
 *       in-memory stand-in in the application would be production code nobody tests against the
 *       database;</li>
 *   <li>{@code adapters_implement_only_marked_ports_of_the_inside}: an interface of the domain or the
 *       application implemented by an adapter without {@code @OutboundPort} would be a port the other
 *       rules cannot find (dropping the marker would unguard it);</li>
 *   <li>{@code driving_adapters_reach_the_application_only_through_inbound_ports}: web and bootstrap may
 *       use the inbound ports, their nested types ({@code Command}, results) and plain data of the
 *       application (records, enums such as {@code UserPatch}, {@code Change}); no helper, policy or
 *       service class;</li>
 *   <li>{@code driving_adapters_never_call_outbound_ports}: a controller that takes a repository (or any
 *       outbound port) skips the use case with its authorization, validation and transaction. The web
 *       adapter may not even name one; bootstrap may produce a port as a bean (the {@code Clock}) but
 *       never calls one;</li>
 *   <li>{@code driving_adapters_neither_create_nor_load_aggregates}: an aggregate built or
 *       reconstituted in a controller or a command bypasses the use case that owns that rule;</li>
 *   <li>{@code driven_adapters_reach_the_application_only_through_outbound_ports}: a persistence adapter
 *       calling a use case, a service or a helper of the application would run business logic from the
 *       outside in; it may only implement the ports the application declares (with their nested
 *       records).</li>
 * </ul>
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class PortRules {

    @ArchTest
    static final ArchRule inbound_ports_are_interfaces_of_the_application =
            inboundPortsAreInterfacesOfTheApplication(Hexagon.STRATA);

    @ArchTest
    static final ArchRule inbound_ports_are_implemented_in_the_application =
            inboundPortsAreImplementedInTheApplication(Hexagon.STRATA);

    @ArchTest
    static final ArchRule inbound_port_implementations_are_reached_only_through_their_interfaces =
            inboundPortImplementationsAreReachedOnlyThroughTheirInterfaces();

    @ArchTest
    static final ArchRule outbound_ports_are_interfaces_of_the_inside =
            outboundPortsAreInterfacesOfTheInside(Hexagon.STRATA);

    @ArchTest
    static final ArchRule outbound_ports_are_implemented_by_driven_adapters_or_context_translators =
            outboundPortsAreImplementedByDrivenAdaptersOrContextTranslators(Hexagon.STRATA);

    @ArchTest
    static final ArchRule adapters_implement_only_marked_ports_of_the_inside =
            adaptersImplementOnlyMarkedPortsOfTheInside(Hexagon.STRATA);

    @ArchTest
    static final ArchRule driving_adapters_reach_the_application_only_through_inbound_ports =
            drivingAdaptersReachTheApplicationOnlyThroughInboundPorts(Hexagon.STRATA);

    @ArchTest
    static final ArchRule driving_adapters_never_call_outbound_ports =
            drivingAdaptersNeverCallOutboundPorts(Hexagon.STRATA);

    @ArchTest
    static final ArchRule driving_adapters_neither_create_nor_load_aggregates =
            drivingAdaptersNeitherCreateNorLoadAggregates(Hexagon.STRATA);

    @ArchTest
    static final ArchRule driven_adapters_reach_the_application_only_through_outbound_ports =
            drivenAdaptersReachTheApplicationOnlyThroughOutboundPorts(Hexagon.STRATA);

    // ---- inbound ports ----------------------------------------------------------------------------

    static ArchRule inboundPortsAreInterfacesOfTheApplication(Hexagon h) {
        return classes()
                .that(INBOUND_PORTS)
                .should()
                .beInterfaces()
                .andShould()
                .resideInAPackage(h.application)
                .because("a use case is an interface of the application: callers depend on what it does, not on "
                        + "how");
    }

    static ArchRule inboundPortsAreImplementedInTheApplication(Hexagon h) {
        return classes()
                .that(INBOUND_PORT_IMPLEMENTATIONS)
                .and(HAND_WRITTEN)
                .should()
                .resideInAPackage(h.application)
                .because("use cases are the application's; an adapter that implements one holds business logic "
                        + "outside the hexagon's inside");
    }

    static ArchRule inboundPortImplementationsAreReachedOnlyThroughTheirInterfaces() {
        return classes()
                .that(HAND_WRITTEN)
                .should(Conditions.dependencies(
                        "depend on no implementation of an inbound port other than "
                                + "themselves (call the @UseCase/@Query interface instead)",
                        (origin, dependency) -> {
                            JavaClass target = Conditions.target(dependency);
                            boolean other = !Stereotypes.outermost(target).equals(Stereotypes.outermost(origin));
                            return other && Stereotypes.implementsAnInboundPort(target)
                                    ? Optional.of("names the use-case implementation " + target.getSimpleName())
                                    : Optional.empty();
                        }))
                .because("callers depend on the inbound port: a service named by a controller, a command or "
                        + "another service can no longer be replaced, decorated or tested alone");
    }

    // ---- outbound ports ---------------------------------------------------------------------------

    static ArchRule outboundPortsAreInterfacesOfTheInside(Hexagon h) {
        return classes()
                .that(OUTBOUND_PORTS)
                .should()
                .beInterfaces()
                .andShould()
                .resideInAnyPackage(h.domain, h.application)
                .because("the inside declares what it needs (a repository, the clock, another context's facts); "
                        + "an adapter implements it. A port declared by an adapter points the wrong way");
    }

    static ArchRule outboundPortsAreImplementedByDrivenAdaptersOrContextTranslators(Hexagon h) {
        return classes()
                .that(OUTBOUND_PORT_IMPLEMENTATIONS)
                .and(HAND_WRITTEN)
                .should(beADrivenAdapterOrAContextTranslator(h))
                .because("ports are implemented where the technology is (a driven adapter), or, for facts owned "
                        + "by another context, by a translator in the application that calls that context's "
                        + "published API; never by the web adapter, bootstrap or an in-memory stand-in");
    }

    private static ArchCondition<JavaClass> beADrivenAdapterOrAContextTranslator(Hexagon h) {
        return Conditions.satisfy(
                "be a driven adapter (" + h.adapters + " except " + h.web + ") or a translator in " + h.application
                        + " that calls another context's published API",
                c -> (h.isIn(c, h.adapters) && !h.isIn(c, h.web)) || ContextRules.isContextTranslator(h, c),
                c -> "implements an outbound port but is neither a driven adapter nor a translator calling another "
                        + "context's published API");
    }

    // ---- driving adapters -------------------------------------------------------------------------

    /**
     * The port rules find ports by their marker; an interface of the domain or the application that an
     * adapter implements without {@code @OutboundPort} would be a port no rule sees (a controller could
     * then call it directly). So every interface of the inside an adapter or bootstrap implements must
     * carry the marker.
     */
    static ArchRule adaptersImplementOnlyMarkedPortsOfTheInside(Hexagon h) {
        return classes()
                .that()
                .resideInAnyPackage(h.adapters, h.bootstrap)
                .and(HAND_WRITTEN)
                .should(Conditions.satisfy(
                        "implement no interface of " + h.domain + " or " + h.application
                                + " that is not an @OutboundPort",
                        c -> unmarkedInsideInterfaces(h, c).isEmpty(),
                        c -> "implements " + unmarkedInsideInterfaces(h, c) + ", interfaces of the inside without "
                                + "@OutboundPort"))
                .because("ports are found by their marker: an unmarked interface that an adapter implements "
                        + "would be a port the rules do not guard (a driven adapter may implement an opaque "
                        + "handle its own port hands out, such as HashedPassword)");
    }

    /**
     * An opaque handle an outbound port hands out or takes back ({@code UserCredentials.hash} returns a
     * {@code HashedPassword} that {@code UserRepository.addAll} accepts; {@code UserCredentials.load} a
     * {@code StoredPassword} the use case checks): the driven adapter behind the port implements it.
     */
    private static boolean spokenByAnOutboundPort(JavaClass i) {
        return java.util.stream.Stream.concat(
                        i.getMethodsWithReturnTypeOfSelf().stream(), i.getMethodsWithParameterTypeOfSelf().stream())
                .anyMatch(m -> Stereotypes.isOutboundPort(m.getOwner()));
    }

    private static java.util.List<String> unmarkedInsideInterfaces(Hexagon h, JavaClass c) {
        return c.getAllRawInterfaces().stream()
                .filter(i -> h.isIn(i, h.domain) || h.isIn(i, h.application))
                .filter(i -> !Stereotypes.isOutboundPort(i))
                .filter(i -> !(h.isIn(c, h.persistence) && spokenByAnOutboundPort(i)))
                .map(JavaClass::getName)
                .sorted()
                .toList();
    }

    static ArchRule drivingAdaptersReachTheApplicationOnlyThroughInboundPorts(Hexagon h) {
        return classes()
                .that()
                .resideInAnyPackage(h.web, h.bootstrap)
                .should(Conditions.dependencies(
                        "depend on " + h.application + " only through inbound ports (and "
                                + "their nested types), plain data (records, enums) and its annotations",
                        (origin, dependency) -> {
                            JavaClass target = Conditions.target(dependency);
                            return h.isIn(target, h.application) && !isInboundPortOrData(target)
                                    ? Optional.of("reaches the application around its inbound ports")
                                    : Optional.empty();
                        }))
                .because("controllers, filters, commands and jobs call use cases; the application's helpers, "
                        + "policies and services are its inside");
    }

    private static boolean isInboundPortOrData(JavaClass c) {
        if (Stereotypes.isInboundPortOrNestedInOne(c)) {
            return true;
        }
        if (c.isAnnotation()) {
            return true; // a boundary marker (@ReadOnlyTransaction) that wiring binds an interceptor to: no behaviour
        }
        return (c.isRecord() || c.isEnum())
                && !Stereotypes.implementsAnInboundPort(c)
                && !Stereotypes.implementsAnOutboundPort(c)
                && !Stereotypes.isOutboundPortOrNestedInOne(c);
    }

    static ArchRule drivingAdaptersNeverCallOutboundPorts(Hexagon h) {
        return classes()
                .that()
                .resideInAnyPackage(h.web, h.bootstrap)
                .and(HAND_WRITTEN)
                .should(useNoOutboundPort(h))
                .because("a driving adapter that calls a repository (or any outbound port) skips the use case: "
                        + "its authorization, validation, events and transaction");
    }

    private static ArchCondition<JavaClass> useNoOutboundPort(Hexagon h) {
        return new ArchCondition<>("use no outbound port (web: not even name one; bootstrap: call none)") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                if (h.isIn(origin, h.web)) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        if (Stereotypes.isOutboundPortOrNestedInOne(Conditions.target(dependency))) {
                            events.add(SimpleConditionEvent.violated(
                                    dependency,
                                    "the web adapter uses an outbound " + "port: " + dependency.getDescription()));
                        }
                    }
                    return;
                }
                for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                    if (Stereotypes.isOutboundPort(access.getTargetOwner()) && !isStatic(access)) {
                        events.add(SimpleConditionEvent.violated(
                                access, "bootstrap calls an outbound port: " + access.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isStatic(JavaAccess<?> access) {
        return access.getTarget()
                .resolveMember()
                .map(member -> member.getModifiers().contains(JavaModifier.STATIC))
                .orElse(false);
    }

    static ArchRule drivingAdaptersNeitherCreateNorLoadAggregates(Hexagon h) {
        return classes()
                .that()
                .resideInAnyPackage(h.web, h.bootstrap)
                .should(callNoAggregateFactory())
                .because("creating (create) or loading (reconstitute) an aggregate is a use case's or a driven "
                        + "adapter's job; in a controller or command it bypasses the rules the use case keeps");
    }

    private static ArchCondition<JavaClass> callNoAggregateFactory() {
        return new ArchCondition<>("call no constructor or static factory of an aggregate") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                    JavaClass owner = access.getTargetOwner();
                    if (Stereotypes.isAggregate(owner)
                            && (access.getTarget().getName().equals(JavaConstructor.CONSTRUCTOR_NAME)
                                    || isStatic(access))) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    // ---- driven adapters --------------------------------------------------------------------------

    static ArchRule drivenAdaptersReachTheApplicationOnlyThroughOutboundPorts(Hexagon h) {
        return classes()
                .that()
                .resideInAPackage(h.persistence)
                .should(Conditions.dependencies(
                        "depend on " + h.application + " only through outbound ports (and " + "their nested types)",
                        (origin, dependency) -> {
                            JavaClass target = Conditions.target(dependency);
                            return h.isIn(target, h.application) && !Stereotypes.isOutboundPortOrNestedInOne(target)
                                    ? Optional.of("a driven adapter reaches into the application")
                                    : Optional.empty();
                        }))
                .because("a driven adapter implements what the application asks for; calling a use case or a "
                        + "service from it would run business logic from the outside in");
    }
}

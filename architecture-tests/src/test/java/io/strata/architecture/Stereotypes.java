package io.strata.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Optional;

/**
 * What a class is, found by type: the kernel's own markers, as jMolecules does. Names stay conventions
 * ({@code *Repository}, {@code *UseCase}, {@code *Id}), but no rule relies on a suffix to find what it
 * guards.
 * <ul>
 *   <li>an aggregate extends {@code AggregateRoot};</li>
 *   <li>an id implements {@code Identifier};</li>
 *   <li>a domain event implements {@code DomainEvent};</li>
 *   <li>an outbound port is an interface annotated {@code @OutboundPort} (repositories, the clock,
 *       password storage, what a context needs from another one);</li>
 *   <li>an inbound port is an interface annotated {@code @UseCase} (changes state) or {@code @Query}
 *       (reads, including a context's published API and the kernel's questions to every context);
 *       its implementation is the class that implements it.</li>
 * </ul>
 */
final class Stereotypes {
    static final String AGGREGATE_ROOT = "io.strata.domain.shared.model.AggregateRoot";
    static final String IDENTIFIER = "io.strata.domain.shared.model.Identifier";
    static final String DOMAIN_EVENT = "io.strata.domain.shared.model.DomainEvent";
    static final String OUTBOUND_PORT = "io.strata.domain.shared.model.OutboundPort";
    static final String USE_CASE = "io.strata.application.shared.UseCase";
    static final String QUERY = "io.strata.application.shared.Query";

    static final DescribedPredicate<JavaClass> AGGREGATES =
            describe("aggregates (subclasses of AggregateRoot)", Stereotypes::isAggregate);
    static final DescribedPredicate<JavaClass> IDENTIFIERS =
            describe("ids (implementations of Identifier)", Stereotypes::isIdentifier);
    static final DescribedPredicate<JavaClass> DOMAIN_EVENTS =
            describe("domain events (implementations of DomainEvent)", Stereotypes::isDomainEvent);
    static final DescribedPredicate<JavaClass> OUTBOUND_PORTS =
            describe("outbound ports (@OutboundPort)", Stereotypes::isOutboundPort);
    static final DescribedPredicate<JavaClass> INBOUND_PORTS =
            describe("inbound ports (@UseCase, @Query)", Stereotypes::isInboundPort);
    static final DescribedPredicate<JavaClass> INBOUND_PORT_IMPLEMENTATIONS = describe(
            "implementations of inbound ports (classes implementing a @UseCase or @Query interface)",
            Stereotypes::implementsAnInboundPort);
    static final DescribedPredicate<JavaClass> OUTBOUND_PORT_IMPLEMENTATIONS = describe(
            "implementations of outbound ports (classes implementing an @OutboundPort interface)",
            Stereotypes::implementsAnOutboundPort);

    private Stereotypes() {}

    static boolean isAggregate(JavaClass c) {
        return c.isAssignableTo(AGGREGATE_ROOT) && !c.getName().equals(AGGREGATE_ROOT);
    }

    static boolean isIdentifier(JavaClass c) {
        return c.isAssignableTo(IDENTIFIER) && !c.getName().equals(IDENTIFIER);
    }

    static boolean isDomainEvent(JavaClass c) {
        return c.isAssignableTo(DOMAIN_EVENT) && !c.getName().equals(DOMAIN_EVENT);
    }

    static boolean isOutboundPort(JavaClass c) {
        return c.isAnnotatedWith(OUTBOUND_PORT);
    }

    static boolean isInboundPort(JavaClass c) {
        return c.isAnnotatedWith(USE_CASE) || c.isAnnotatedWith(QUERY);
    }

    static boolean implementsAnInboundPort(JavaClass c) {
        return !c.isInterface() && c.getAllRawInterfaces().stream().anyMatch(Stereotypes::isInboundPort);
    }

    static boolean implementsAnOutboundPort(JavaClass c) {
        return !c.isInterface() && c.getAllRawInterfaces().stream().anyMatch(Stereotypes::isOutboundPort);
    }

    /** An inbound port, or a type nested in one (its {@code Command}, its result records). */
    static boolean isInboundPortOrNestedInOne(JavaClass c) {
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (isInboundPort(k.get())) {
                return true;
            }
        }
        return false;
    }

    /** An outbound port, or a type nested in one (the records it speaks). */
    static boolean isOutboundPortOrNestedInOne(JavaClass c) {
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (isOutboundPort(k.get())) {
                return true;
            }
        }
        return false;
    }

    /** The class itself or the class it is nested in (lambdas and anonymous classes of a class are that class). */
    static JavaClass outermost(JavaClass c) {
        JavaClass k = c;
        while (k.getEnclosingClass().isPresent()) {
            k = k.getEnclosingClass().get();
        }
        return k;
    }
}

package io.strata.domain.shared.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an outbound (driven) port: an interface the inside of the hexagon declares for what it needs
 * from the outside (a repository, password storage, the clock) and an adapter implements. Declared in
 * the domain or the application; implemented in an adapter module, or in the application layer of the
 * same context when the answer comes from another context's published API. Only the application
 * calls it: controllers and bootstrap reach the inside through use cases ({@code @UseCase},
 * {@code @Query}). The architecture tests find ports by this annotation, not by their name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OutboundPort {}

package io.strata.application.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an inbound port that only reads: the reads of a context ({@code UserQueries}), the small query
 * API a context publishes to other contexts (in its {@code api} sub-package, e.g. {@code UserDirectory}),
 * or a question the kernel asks every context ({@code UserReferences}). Implemented in the application
 * layer. State changes are {@link UseCase}s. The architecture tests find these by this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Query {}

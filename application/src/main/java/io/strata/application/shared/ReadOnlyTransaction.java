package io.strata.application.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The transaction boundary of a read: the annotated use-case method (or every public method of the
 * annotated class) runs in one read-only transaction. One snapshot, nothing flushed, writes refused by
 * PostgreSQL, and the JDBC connection marked read-only so that a replica router can send it to a
 * replica. Inside a running transaction the method joins it. Writes use
 * {@code @jakarta.transaction.Transactional}.
 *
 * <p>{@code jakarta.transaction} has no read-only flag and application code imports nothing from
 * Micronaut, so this annotation is ours: the {@code processor} module maps it at compile time onto
 * Micronaut's {@code @Transactional(readOnly = true)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadOnlyTransaction {}

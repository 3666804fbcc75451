package io.strata.application.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that everything a {@code @Transactional} use-case method (or every one of the annotated class) does is
 * done in its transaction: the repositories it writes through, the events they append. Nothing outside the database
 * (a file, a message, a stream read from the request, a call to another service) happens in it, so a rollback undoes
 * all of it, and the platform may roll it back and run it again from the start.
 *
 * <p>The platform uses that to start such a write on its cheapest transaction: a plain JDBC one, without a Hibernate
 * session, moved to Micronaut's transaction (rolled back, then run again there) the first time the use case needs a
 * session. Leave it off a use case with effects of its own outside its transaction; it then always runs in
 * Micronaut's transaction, as it would without this annotation. Reads ({@link ReadOnlyTransaction}) are rerunnable
 * by nature and need no declaration.
 *
 * <p>Ours, like {@link ReadOnlyTransaction}: the {@code processor} module makes it an interceptor binding at compile
 * time, and application code imports nothing from Micronaut.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Rerunnable {}

package io.strata.adapters.web.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST whose response must never be stored for {@code Idempotency-Key} replays, because it
 * carries a secret (e.g. the bearer token of a login). The key is ignored on such endpoints.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoIdempotencyReplay {}

package io.strata.application.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an inbound port that changes state: one interface per use case ({@code RegisterUserUseCase}
 * with its nested {@code Command}), implemented by one service of the same package. Driving adapters
 * (controllers, bootstrap's commands and jobs) call the interface, never the service. Reads are
 * {@link Query}. The architecture tests find use cases by this annotation, not by their name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UseCase {}

package io.strata.processor;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.annotation.NamedAnnotationMapper;
import io.micronaut.inject.visitor.VisitorContext;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Makes the application's {@code @io.strata.application.shared.Rerunnable} an interceptor binding while the application
 * module compiles, so that an interceptor declared with {@code @InterceptorBean(Rerunnable.class)} wraps every write
 * use case that declares it (bootstrap's JDBC transactions use it). Named by string, as
 * {@link ReadOnlyTransactionMapper} does, because this module is built before the application module.
 */
public final class RerunnableMapper implements NamedAnnotationMapper {
    static final String RERUNNABLE = "io.strata.application.shared.Rerunnable";

    @Override
    public String getName() {
        return RERUNNABLE;
    }

    @Override
    public List<AnnotationValue<?>> map(AnnotationValue<Annotation> annotation, VisitorContext visitorContext) {
        return List.of(binding(RERUNNABLE));
    }

    /** {@code @InterceptorBinding(name)}: makes the annotation named {@code name} bind interceptors. */
    static AnnotationValue<?> binding(String name) {
        return AnnotationValue.builder(ReadOnlyTransactionMapper.INTERCEPTOR_BINDING)
                .value(name)
                .build();
    }
}

package io.strata.processor;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.annotation.NamedAnnotationMapper;
import io.micronaut.inject.visitor.VisitorContext;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Maps the application's own {@code @io.strata.application.shared.ReadOnlyTransaction} onto Micronaut's
 * {@code @io.micronaut.transaction.annotation.Transactional(readOnly = true)} while the application module
 * compiles, the way micronaut-data-processor maps {@code @jakarta.transaction.Transactional}: use cases
 * import nothing from Micronaut, and the generated bean definitions get the read-only transaction advice.
 * Named by string because this module is built before (and without) the application module.
 *
 * <p>It also makes {@code @ReadOnlyTransaction} an interceptor binding of its own, so that an interceptor declared
 * with {@code @InterceptorBean(ReadOnlyTransaction.class)} wraps every read use case outside its transaction (the
 * read replica's failover uses it to run a read again on the primary when the replica dies under it). And a read is
 * rerunnable by nature: it carries the binding of {@code @Rerunnable} too ({@link RerunnableMapper}), so an interceptor
 * bound to that one wraps reads and declared writes alike (Micronaut applies an interceptor where all of its bindings
 * are present, so one interceptor cannot be bound to either of two annotations).
 */
public final class ReadOnlyTransactionMapper implements NamedAnnotationMapper {
    static final String READ_ONLY_TRANSACTION = "io.strata.application.shared.ReadOnlyTransaction";
    static final String MICRONAUT_TRANSACTIONAL = "io.micronaut.transaction.annotation.Transactional";
    static final String INTERCEPTOR_BINDING = "io.micronaut.aop.InterceptorBinding";

    @Override
    public String getName() {
        return READ_ONLY_TRANSACTION;
    }

    @Override
    public List<AnnotationValue<?>> map(AnnotationValue<Annotation> annotation, VisitorContext visitorContext) {
        return List.of(
                AnnotationValue.builder(MICRONAUT_TRANSACTIONAL)
                        .member("readOnly", true)
                        .build(),
                RerunnableMapper.binding(READ_ONLY_TRANSACTION),
                RerunnableMapper.binding(RerunnableMapper.RERUNNABLE));
    }
}

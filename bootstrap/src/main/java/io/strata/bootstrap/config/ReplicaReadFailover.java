package io.strata.bootstrap.config;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Requires;
import io.strata.adapters.persistence.shared.replica.ReplicaRoutingDataSource;
import io.strata.adapters.persistence.shared.replica.ReplicaRoutingDataSource.ReadAttempt;
import io.strata.application.shared.ReadOnlyTransaction;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every read use case ({@code @ReadOnlyTransaction}), outside its transaction, when a read replica is
 * configured: a read whose replica connection breaks under it (the replica crashed or was stopped while the read ran)
 * runs once more, on the primary, so the client sees a slower answer instead of an error. Reads change nothing, so
 * running one again is safe; a read nested in another use case is left to the outermost one.
 */
@Singleton
@InterceptorBean(ReadOnlyTransaction.class)
@Requires(property = "strata.database.replica.url", pattern = ".*\\S.*")
public class ReplicaReadFailover implements MethodInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaReadFailover.class);

    private final ReplicaWiring replica;

    public ReplicaReadFailover(ReplicaWiring replica) {
        this.replica = replica;
    }

    /** Outside the transaction (and the choice of its kind, one step out): the retry needs a new one. */
    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 2;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Optional<ReplicaRoutingDataSource> router = replica.router();
        Optional<ReadAttempt> began = router.isPresent() ? ReadAttempt.begin() : Optional.empty();
        if (began.isEmpty()) {
            return context.proceed();
        }
        try (ReadAttempt attempt = began.get()) {
            try {
                return context.proceed();
            } catch (RuntimeException failure) {
                if (!router.get().retryOnPrimary(attempt, failure)) {
                    throw failure;
                }
                LOG.warn(
                        "{}.{}: the replica's connection broke during the read; running it again on the primary",
                        context.getDeclaringType().getSimpleName(),
                        context.getMethodName());
                attempt.reset();
                return context.proceed(this);
            }
        }
    }
}

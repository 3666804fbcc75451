package io.strata.adapters.persistence.shared;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.transaction.SynchronousTransactionManager;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperationsRegistry;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import jakarta.inject.Singleton;

/**
 * The advice of {@link JoinsTransaction}: a transaction must be running (the check of {@code MANDATORY}; a
 * {@link JdbcTransaction} counts), and a
 * throwable marks it rollback-only exactly as Micronaut's participating rollback does, so that the use case's commit
 * fails with {@code UnexpectedRollbackException} instead of committing. The transaction manager is the one Micronaut's
 * {@code @Transactional} of a use case uses (the default data source's), resolved on first use.
 */
@Singleton
public class JoinsTransactionInterceptor implements MethodInterceptor<Object, Object> {
    private static final TransactionDefinition JOIN =
            TransactionDefinition.of(TransactionDefinition.Propagation.MANDATORY);

    private final TransactionOperationsRegistry registry;
    private volatile SynchronousTransactionManager<Object> transactions;

    JoinsTransactionInterceptor(TransactionOperationsRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition();
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        SynchronousTransactionManager<Object> manager = transactions();
        if (PropagatedStatus.TRANSACTION.find(manager, manager::findTransactionStatus) == null) {
            JdbcTransaction jdbc = JdbcTransaction.current();
            if (jdbc != null) {
                try {
                    return context.proceed();
                } catch (Throwable failure) {
                    jdbc.markRollbackOnly();
                    throw failure;
                }
            }
            String method = context.getDeclaringType().getSimpleName() + "." + context.getMethodName();
            throw new IllegalTransactionStateException(method + " runs in its caller's transaction and none is running:"
                    + " the use case calling it must be @Transactional or @ReadOnlyTransaction");
        }
        try {
            return context.proceed();
        } catch (Throwable failure) {
            // Micronaut's participating rollback: the caller's transaction becomes rollback-only (globally, so that
            // its commit throws rather than rolling back silently behind a success)
            try {
                TransactionStatus<Object> joined = manager.getTransaction(JOIN);
                manager.rollback(joined);
            } catch (RuntimeException marking) {
                failure.addSuppressed(marking);
            }
            throw failure;
        }
    }

    @SuppressWarnings("unchecked")
    private SynchronousTransactionManager<Object> transactions() {
        SynchronousTransactionManager<Object> manager = transactions;
        if (manager == null) {
            manager = registry.provideSynchronous(SynchronousTransactionManager.class, null);
            transactions = manager;
        }
        return manager;
    }
}

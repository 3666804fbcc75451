package io.strata.bootstrap.config;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.transaction.SynchronousTransactionManager;
import io.micronaut.transaction.TransactionOperationsRegistry;
import io.micronaut.transaction.exceptions.UnexpectedRollbackException;
import io.micronaut.transaction.interceptor.TransactionalInterceptor;
import io.strata.adapters.persistence.shared.JdbcReadTransaction;
import io.strata.application.shared.ReadOnlyTransaction;
import jakarta.inject.Singleton;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Runs a read use case ({@code @ReadOnlyTransaction}) in a {@link JdbcReadTransaction} (one connection, no Hibernate
 * session) instead of Micronaut's read-only transaction, whenever it can: just outside Micronaut's transaction advice,
 * it begins the JDBC transaction and proceeds past that advice. If the use case turns out to need a session (an
 * {@code EntityManager} call, a repository, a nested transaction), the JDBC transaction is rolled back and the use case
 * runs again from the start inside Micronaut's advice, as it would have without this interceptor. A read changes
 * nothing, so that second run is safe.
 *
 * <p>Each use-case method learns which it is: after {@value #TRIES} runs in a row that needed a session before their
 * first statement (a list page's new query shapes are translated by Hibernate, then run plainly), or after one run
 * that needed it only after a statement had run, the method goes straight to Micronaut's transaction. A read already
 * inside a transaction joins it, as before; so do asynchronous and reactive methods, which Micronaut's advice handles.
 * {@code strata.database.jdbc-read-transactions=false} turns the whole path off.
 *
 * <p>In bootstrap, beside {@link ReplicaReadFailover}, because the processor binds both to {@code @ReadOnlyTransaction},
 * an application annotation that driven adapters do not reach.
 */
@Singleton
@InterceptorBean(ReadOnlyTransaction.class)
public class JdbcReadTransactionInterceptor implements MethodInterceptor<Object, Object> {
    /** Runs in a row that needed a session before a method stops trying (each try costs a thrown signal). */
    public static final int TRIES = 8;

    private final boolean enabled;
    private final BeanProvider<SessionFactory> sessionFactory;
    private final BeanProvider<TransactionalInterceptor> transactional;
    private final TransactionOperationsRegistry registry;
    private volatile Resolved resolved;
    /** Per use-case method (the proxy's own method objects: compared by identity), copied on write. */
    private volatile Map<ExecutableMethod<?, ?>, Method> methods = new IdentityHashMap<>();

    JdbcReadTransactionInterceptor(
            @Value("${strata.database.jdbc-read-transactions:true}") boolean enabled,
            BeanProvider<SessionFactory> sessionFactory,
            BeanProvider<TransactionalInterceptor> transactional,
            TransactionOperationsRegistry registry) {
        this.enabled = enabled;
        this.sessionFactory = sessionFactory;
        this.transactional = transactional;
        this.registry = registry;
    }

    /** Just outside Micronaut's transaction advice (the read replica's failover wraps this one). */
    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 1;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (!enabled) {
            return context.proceed();
        }
        Method method = method(context.getExecutableMethod());
        if (!method.tries()) {
            return context.proceed();
        }
        Resolved with = resolved();
        if (JdbcReadTransaction.current() != null) {
            return context.proceed(with.transactional); // a read inside a JDBC read joins it
        }
        if (JdbcReadTransaction.micronautTransactionRunning(
                with.transactions, with.transactions::findTransactionStatus)) {
            return context.proceed(); // inside Micronaut's transaction: its advice joins it
        }
        JdbcReadTransaction jdbc = new JdbcReadTransaction(with.factory);
        Object result;
        try (PropagatedContext.Scope ignored =
                PropagatedContext.getOrEmpty().plus(jdbc).propagate()) {
            result = context.proceed(with.transactional);
        } catch (Throwable failure) {
            if (jdbc.needsSessionMarked()) {
                return again(context, method, jdbc);
            }
            end(jdbc, false, failure);
            throw failure;
        }
        if (jdbc.needsSessionMarked()) {
            return again(context, method, jdbc); // it needed a session and went on without (a caught signal)
        }
        if (jdbc.rollbackOnly()) {
            jdbc.end(false);
            throw new UnexpectedRollbackException(
                    "Transaction rolled back because a step of it failed (it was marked rollback-only)");
        }
        jdbc.end(true);
        method.ranPlainly();
        return result;
    }

    /** The use case again, from the interceptor after this one: Micronaut's read-only transaction. */
    private Object again(MethodInvocationContext<Object, Object> context, Method method, JdbcReadTransaction jdbc) {
        jdbc.end(false);
        method.neededSession(jdbc.ranStatements());
        return context.proceed(this);
    }

    private static void end(JdbcReadTransaction jdbc, boolean commit, Throwable failure) {
        try {
            jdbc.end(commit);
        } catch (RuntimeException ending) {
            failure.addSuppressed(ending);
        }
    }

    private Method method(ExecutableMethod<?, ?> executable) {
        Method method = methods.get(executable);
        if (method == null) {
            synchronized (this) {
                method = methods.get(executable);
                if (method == null) {
                    Class<?> type = executable.getReturnType().getType();
                    boolean synchronous = !(CompletionStage.class.isAssignableFrom(type)
                            || Future.class.isAssignableFrom(type)
                            || Publishers.isConvertibleToPublisher(type));
                    method = new Method(synchronous);
                    Map<ExecutableMethod<?, ?>, Method> copy = new IdentityHashMap<>(methods);
                    copy.put(executable, method);
                    methods = copy;
                }
            }
        }
        return method;
    }

    private Resolved resolved() {
        Resolved with = resolved;
        if (with == null) {
            @SuppressWarnings("unchecked")
            SynchronousTransactionManager<Object> transactions =
                    registry.provideSynchronous(SynchronousTransactionManager.class, null);
            with = new Resolved(
                    sessionFactory.get().unwrap(SessionFactoryImplementor.class), transactional.get(), transactions);
            resolved = with;
        }
        return with;
    }

    private record Resolved(
            SessionFactoryImplementor factory,
            TransactionalInterceptor transactional,
            SynchronousTransactionManager<Object> transactions) {}

    /** What one use-case method has shown so far. Races between requests only shift a count by one. */
    private static final class Method {
        private final boolean synchronous;
        private volatile int sessionRunsInARow;
        private volatile boolean givenUp;

        Method(boolean synchronous) {
            this.synchronous = synchronous;
        }

        boolean tries() {
            return synchronous && !givenUp;
        }

        void ranPlainly() {
            if (sessionRunsInARow != 0) {
                sessionRunsInARow = 0;
            }
        }

        /** A run needed a session; {@code afterStatements}: only after it had read (those round trips were lost). */
        void neededSession(boolean afterStatements) {
            int runs = sessionRunsInARow + 1;
            sessionRunsInARow = runs;
            if (afterStatements || runs >= TRIES) {
                givenUp = true;
            }
        }
    }
}

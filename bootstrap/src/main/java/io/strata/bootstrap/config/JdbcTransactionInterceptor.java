package io.strata.bootstrap.config;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.transaction.SynchronousTransactionManager;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperationsRegistry;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.exceptions.UnexpectedRollbackException;
import io.micronaut.transaction.interceptor.TransactionalInterceptor;
import io.strata.adapters.persistence.shared.JdbcTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.application.shared.Rerunnable;
import jakarta.inject.Singleton;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a use case in a {@link JdbcTransaction} (one connection, no Hibernate session) instead of Micronaut's
 * transaction, whenever it can: a read ({@link ReadOnlyTransaction}, which the processor binds here too) and a write
 * that declares itself {@code @Rerunnable} (everything it does is undone by a rollback). Just outside Micronaut's
 * transaction advice, it begins the JDBC transaction and proceeds past that advice. If the use case turns out to need
 * a session (an {@code EntityManager} call, a repository, a nested transaction), the JDBC transaction is rolled back
 * and the use case runs again from the start inside Micronaut's advice, as it would have without this interceptor.
 *
 * <p>Each use-case method learns which it is: a method that needed a session in {@value #TRIES} runs in a row (one
 * after another: runs that needed it at once count once) goes straight to Micronaut's transaction; so does a read
 * after one run that needed it only after a statement had run (its round trips were lost, and a read's statements do
 * not depend on its input). A write keeps trying after such a run, since a write's input decides its path (a task
 * with dependencies needs Hibernate, one without does not). A use case already inside a transaction joins it, as
 * before; asynchronous and reactive methods, and writes with
 * their own propagation, isolation, timeout or {@code rollbackFor}, are Micronaut's. A write ends as Micronaut's would:
 * committed on success, a checked exception or one its {@code noRollbackFor} names (jakarta's {@code dontRollbackOn}),
 * rolled back on another unchecked one or when a step failed
 * ({@code UnexpectedRollbackException}), and a failed commit is thrown, never acknowledged.
 * {@code strata.database.jdbc-read-transactions=false} and {@code strata.database.jdbc-write-transactions=false} turn
 * either path off.
 *
 * <p>A use case that is rerunnable (a read, or a write declared {@code @Rerunnable}) and begins the transaction (it
 * joins none) also runs again when PostgreSQL aborted its transaction over locks, a deadlock or a serialization
 * failure, as PostgreSQL's manual asks of its clients: everything it did was rolled back with the transaction, so the
 * client gets the answer of a run that went through instead of a 409 to retry itself. At most {@value
 * #LOCK_CONFLICT_RUNS} runs, each after a short random pause (the other transaction holds its locks until it ends);
 * after the last, the conflict is the answer as before. A use case not declared rerunnable is never run twice.
 *
 * <p>In bootstrap, beside {@link ReplicaReadFailover}, because the processor binds both to application annotations,
 * which driven adapters do not reach.
 */
@Singleton
@InterceptorBean(Rerunnable.class)
public class JdbcTransactionInterceptor implements MethodInterceptor<Object, Object> {
    /** Runs in a row that needed a session before a method stops trying (each try costs a thrown signal). */
    public static final int TRIES = 8;

    /** Runs of a rerunnable use case whose transaction PostgreSQL aborted over locks, the first included. */
    public static final int LOCK_CONFLICT_RUNS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactionInterceptor.class);

    private final boolean reads;
    private final boolean writes;
    private final BeanProvider<SessionFactory> sessionFactory;
    private final BeanProvider<TransactionalInterceptor> transactional;
    private final TransactionOperationsRegistry registry;
    private volatile Resolved resolved;
    /** Per use-case method (the proxy's own method objects: compared by identity), copied on write. */
    private volatile Map<ExecutableMethod<?, ?>, Method> methods = new IdentityHashMap<>();
    /** Runs again in Micronaut's transaction: [0] needed a session before any statement, [1] after statements. */
    private final LongAdder[] reruns = {new LongAdder(), new LongAdder()};

    private final AtomicInteger stoppedTrying = new AtomicInteger();
    /** Runs again after PostgreSQL aborted the use case's transaction over locks. */
    private final LongAdder lockConflictReruns = new LongAdder();

    JdbcTransactionInterceptor(
            @Value("${strata.database.jdbc-read-transactions:true}") boolean reads,
            @Value("${strata.database.jdbc-write-transactions:true}") boolean writes,
            BeanProvider<SessionFactory> sessionFactory,
            BeanProvider<TransactionalInterceptor> transactional,
            TransactionOperationsRegistry registry) {
        this.reads = reads;
        this.writes = writes;
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
        Method method = method(context.getExecutableMethod());
        if (!method.tries() && !method.rerunsOnLockConflict) {
            return context.proceed();
        }
        Resolved with = resolved();
        if (JdbcTransaction.current() != null) {
            // inside a JDBC transaction: join it
            return method.tries() ? context.proceed(with.transactional) : context.proceed();
        }
        if (JdbcTransaction.micronautTransactionRunning(with.transactions, with.transactions::findTransactionStatus)) {
            return context.proceed(); // inside Micronaut's transaction: its advice joins it
        }
        if (!method.rerunsOnLockConflict) {
            return run(context, method, with);
        }
        for (int run = 1; ; run++) {
            try {
                return run(context, method, with);
            } catch (RuntimeException failure) {
                if (run >= LOCK_CONFLICT_RUNS || !PersistenceErrors.isLockConflict(failure) || !pausedBeforeRun(run)) {
                    throw failure;
                }
                lockConflictReruns.increment();
                LOG.debug(
                        "PostgreSQL aborted the transaction of {} over locks (run {}): running it again",
                        context.getExecutableMethod(),
                        run,
                        failure);
            }
        }
    }

    /** Use cases run again since startup because PostgreSQL aborted their transaction over locks. */
    public long lockConflictReruns() {
        return lockConflictReruns.sum();
    }

    /**
     * One run of a use case that begins its transaction: a JDBC one when it can, else Micronaut's. It proceeds from
     * this interceptor ({@code proceed(this)}), so that a second run passes the advice after it again.
     */
    private Object run(MethodInvocationContext<Object, Object> context, Method method, Resolved with) {
        if (!method.tries()) {
            return context.proceed(this);
        }
        JdbcTransaction jdbc = new JdbcTransaction(with.factory, method.readOnly);
        long startedAt = System.nanoTime();
        Object result;
        try (PropagatedContext.Scope ignored =
                PropagatedContext.getOrEmpty().plus(jdbc).propagate()) {
            result = context.proceed(with.transactional);
        } catch (Throwable failure) {
            if (jdbc.needsSessionMarked()) {
                return again(context, method, jdbc, startedAt);
            }
            // as Micronaut's rule: unchecked failures roll back, checked ones and those the method's noRollbackFor
            // (jakarta's dontRollbackOn) names commit what was done
            end(
                    jdbc,
                    (!(failure instanceof RuntimeException || failure instanceof Error) || method.commitsOn(failure))
                            && !jdbc.rollbackOnly(),
                    failure);
            throw failure;
        }
        if (jdbc.needsSessionMarked()) {
            return again(context, method, jdbc, startedAt); // it needed a session and went on without (a caught signal)
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

    /**
     * Use cases run again in Micronaut's transaction since startup because they needed a session, {@code
     * afterStatements}: only after their first statements had run (those round trips were lost).
     */
    public long reruns(boolean afterStatements) {
        return reruns[afterStatements ? 1 : 0].sum();
    }

    /** Use-case methods that stopped trying the JDBC transaction (they go straight to Micronaut's now). */
    public int methodsStoppedTrying() {
        return stoppedTrying.get();
    }

    /** The use case again, from the interceptor after this one: Micronaut's transaction. */
    private Object again(
            MethodInvocationContext<Object, Object> context, Method method, JdbcTransaction jdbc, long startedAt) {
        jdbc.end(false);
        boolean afterStatements = jdbc.ranStatements();
        reruns[afterStatements ? 1 : 0].increment();
        if (method.neededSession(afterStatements, startedAt)) {
            stoppedTrying.incrementAndGet();
            LOG.info(
                    "{} needs a Hibernate session: it runs in Micronaut's transaction from now on",
                    context.getExecutableMethod());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} needed a Hibernate session{}: rolled back, running it again in Micronaut's transaction",
                    context.getExecutableMethod(),
                    afterStatements ? " after its first statements" : "");
        }
        return context.proceed(this);
    }

    /**
     * A random pause, longer with each run: the transaction that won holds its locks until it ends, and two that
     * deadlocked and came back at once could meet again. False when the thread was interrupted (no run then).
     */
    private static boolean pausedBeforeRun(int run) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * run + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void end(JdbcTransaction jdbc, boolean commit, Throwable failure) {
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
                    method = classify(executable);
                    Map<ExecutableMethod<?, ?>, Method> copy = new IdentityHashMap<>(methods);
                    copy.put(executable, method);
                    methods = copy;
                }
            }
        }
        return method;
    }

    /**
     * Whether a JDBC transaction can stand in for the method's Micronaut transaction: a synchronous method whose
     * transaction is the default one (required propagation, default isolation, no timeout, no extra rollback rule,
     * the default manager; exceptions that commit, {@code noRollbackFor}, are honoured as Micronaut does); a read, or
     * a write declared {@code @Rerunnable}.
     */
    private Method classify(ExecutableMethod<?, ?> executable) {
        Class<?> type = executable.getReturnType().getType();
        boolean synchronous = !(CompletionStage.class.isAssignableFrom(type)
                || Future.class.isAssignableFrom(type)
                || Publishers.isConvertibleToPublisher(type));
        AnnotationValue<Transactional> declared = executable
                .getAnnotationMetadata()
                .findAnnotation(Transactional.class)
                .orElse(null);
        boolean readOnly = declared != null && declared.isTrue("readOnly");
        boolean rerunnable = executable.getAnnotationMetadata().hasAnnotation(Rerunnable.class);
        boolean rerunsOnLockConflict = synchronous && (readOnly || rerunnable);
        if (!synchronous || declared == null || !defaults(declared)) {
            return new Method(false, false, rerunsOnLockConflict, new Class<?>[0]);
        }
        return new Method(
                readOnly ? reads : writes && rerunnable,
                readOnly,
                rerunsOnLockConflict,
                declared.classValues("noRollbackFor"));
    }

    private static boolean defaults(AnnotationValue<Transactional> declared) {
        return declared.stringValue("transactionManager")
                        .filter(name -> !name.isEmpty())
                        .isEmpty()
                && declared.stringValue().filter(name -> !name.isEmpty()).isEmpty()
                && declared.enumValue("propagation", TransactionDefinition.Propagation.class)
                        .map(TransactionDefinition.Propagation.REQUIRED::equals)
                        .orElse(true)
                && declared.enumValue("isolation", TransactionDefinition.Isolation.class)
                        .map(TransactionDefinition.Isolation.DEFAULT::equals)
                        .orElse(true)
                && declared.intValue("timeout").orElse(-1) == -1
                && declared.classValues("rollbackFor").length == 0;
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
        private final boolean eligible;
        final boolean readOnly;
        /** Rerunnable: a read, or a write declared {@code @Rerunnable}; run again after a lock conflict. */
        final boolean rerunsOnLockConflict;
        /** The exceptions on which the transaction commits all the same (the method's {@code noRollbackFor}). */
        private final Class<?>[] noRollbackFor;

        private volatile int sessionRunsInARow;
        private volatile boolean givenUp;
        /** When the last run that needed a session was counted ({@link System#nanoTime}). */
        private volatile long lastCounted;

        Method(boolean eligible, boolean readOnly, boolean rerunsOnLockConflict, Class<?>[] noRollbackFor) {
            this.eligible = eligible;
            this.readOnly = readOnly;
            this.rerunsOnLockConflict = rerunsOnLockConflict;
            this.noRollbackFor = noRollbackFor;
            this.lastCounted = System.nanoTime();
        }

        boolean tries() {
            return eligible && !givenUp;
        }

        /** Whether {@code failure} is one the method's transaction commits on (its {@code noRollbackFor}). */
        boolean commitsOn(Throwable failure) {
            for (Class<?> type : noRollbackFor) {
                if (type.isInstance(failure)) {
                    return true;
                }
            }
            return false;
        }

        void ranPlainly() {
            if (sessionRunsInARow != 0) {
                sessionRunsInARow = 0;
            }
        }

        /**
         * A run that began at {@code startedAt} needed a session; {@code afterStatements}: only after it had run
         * statements (those were lost). Returns whether the method stops trying with this run. Runs in a row are runs
         * one after another: a run that began before the last counted one was counted is of the same burst (many
         * first calls at once, each finding the same cache empty) and is not counted again.
         */
        boolean neededSession(boolean afterStatements, long startedAt) {
            boolean sameBurst = startedAt - lastCounted < 0;
            int runs = sameBurst ? sessionRunsInARow : sessionRunsInARow + 1;
            if (!sameBurst) {
                sessionRunsInARow = runs;
                lastCounted = System.nanoTime();
            }
            if (!givenUp && ((readOnly && afterStatements) || runs >= TRIES)) {
                givenUp = true;
                return true;
            }
            return false;
        }
    }
}

package io.strata.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.strata.architecture.GeneratedCode.HAND_WRITTEN;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transaction boundary is the use case. Writes are {@code @jakarta.transaction.Transactional},
 * reads the kernel's {@code @ReadOnlyTransaction}, both on application classes. Adapters run in their
 * caller's transaction and may only say so ({@code @JoinsTransaction}, which checks it, as Micronaut's
 * {@code MANDATORY} does at a higher cost; or {@code SUPPORTS}/{@code NEVER} for work that needs none); they
 * never open one.
 * <ul>
 *   <li>{@code transactions_are_demarcated_only_by_the_application}: a transaction annotation (Jakarta's,
 *       Micronaut's {@code @Transactional} or {@code @ReadOnly}, the kernel's, or an annotation carrying
 *       one of them) on a controller, a bootstrap class or a domain type, or one that would open a
 *       transaction in an adapter (the default {@code REQUIRED}, {@code REQUIRES_NEW}, ...), is reported.
 *       Otherwise a use case could span two transactions by accident, or a controller could commit
 *       half of one;</li>
 *   <li>{@code no_code_manages_transactions_by_hand}: transaction managers, {@code TransactionOperations},
 *       {@code EntityTransaction} and {@code UserTransaction} are for tests only (and for the advice of
 *       {@code @JoinsTransaction}, which finds the caller's transaction and marks it rollback-only on a
 *       failure, as Micronaut's own advice does; and for {@code JdbcTransaction} with its advice, which run a
 *       {@code @ReadOnlyTransaction} or {@code @Rerunnable} use case on one connection without a Hibernate
 *       session);</li>
 *   <li>{@code adapters_never_begin_or_end_a_jdbc_transaction}: the same by plain JDBC, a connection's
 *       {@code setAutoCommit}, {@code commit}, {@code rollback} or savepoints called by an adapter outside
 *       {@code adapters.persistence.shared} (the connection path itself: the data sources that see a
 *       transaction begin to set row-level security's settings or to route it, and the notification listener's
 *       connection of its own).</li>
 * </ul>
 * {@code GeneratedCodeRules.transactional_code_is_intercepted} checks that the annotations work.
 */
@AnalyzeClasses(packages = Hexagon.STRATA_ROOT, importOptions = ProductionClassesOnly.class)
class TransactionRules {
    static final String JAKARTA_TRANSACTIONAL = "jakarta.transaction.Transactional";
    static final String MICRONAUT_TRANSACTIONAL = "io.micronaut.transaction.annotation.Transactional";
    static final String MICRONAUT_READ_ONLY = "io.micronaut.transaction.annotation.ReadOnly";
    static final String READ_ONLY_TRANSACTION = "io.strata.application.shared.ReadOnlyTransaction";
    /** The adapters' advice that checks a transaction is running; it opens none, so it is not listed below. */
    static final String JOINS_TRANSACTION = "io.strata.adapters.persistence.shared.JoinsTransaction";
    /** Its advice, below a hexagon's root: it finds the caller's transaction, so it may use the machinery. */
    static final String JOINS_TRANSACTION_ADVICE = ".adapters.persistence.shared.JoinsTransactionInterceptor";
    /**
     * A use case's transaction without a Hibernate session, below a hexagon's root: the transaction itself (it begins
     * and ends one on its connection, reporting failures with Micronaut's exceptions) and the advice bound to
     * {@code @ReadOnlyTransaction} and {@code @Rerunnable} that runs a use case in it or, when it needs a session, in
     * Micronaut's.
     */
    static final List<String> JDBC_TRANSACTION =
            List.of(".adapters.persistence.shared.JdbcTransaction", ".bootstrap.config.JdbcTransactionInterceptor");

    static final List<String> TRANSACTION_ANNOTATIONS =
            List.of(JAKARTA_TRANSACTIONAL, MICRONAUT_TRANSACTIONAL, MICRONAUT_READ_ONLY, READ_ONLY_TRANSACTION);
    /** Propagations that join the caller's transaction or run without one, but never begin one. */
    static final Set<String> OPENS_NO_TRANSACTION = Set.of("MANDATORY", "SUPPORTS", "NEVER");

    static final DescribedPredicate<JavaClass> TRANSACTION_MACHINERY = describe(
            "manage transactions (transaction managers and operations, EntityTransaction, UserTransaction)", c -> {
                String name = c.getName();
                if (name.startsWith("io.micronaut.transaction.")) {
                    return !name.startsWith("io.micronaut.transaction.annotation.")
                            && !name.startsWith("io.micronaut.transaction.TransactionDefinition");
                }
                return name.equals("jakarta.transaction.UserTransaction")
                        || name.equals("jakarta.transaction.TransactionManager")
                        || name.equals("jakarta.persistence.EntityTransaction")
                        || name.equals("org.hibernate.Transaction");
            });

    /** The {@code java.sql.Connection} methods that begin, end or split a transaction. */
    static final Set<String> CONNECTION_TRANSACTION_CONTROL =
            Set.of("setAutoCommit", "commit", "rollback", "setSavepoint", "releaseSavepoint");

    static final DescribedPredicate<JavaMethodCall> BEGINS_OR_ENDS_A_JDBC_TRANSACTION = describe(
            "a java.sql.Connection method that begins or ends a transaction (" + CONNECTION_TRANSACTION_CONTROL + ")",
            call -> CONNECTION_TRANSACTION_CONTROL.contains(call.getTarget().getName())
                    && (call.getTargetOwner().getName().equals("java.sql.Connection")
                            || call.getTargetOwner().isAssignableTo("java.sql.Connection")));

    @ArchTest
    static final ArchRule transactions_are_demarcated_only_by_the_application =
            transactionsAreDemarcatedOnlyByTheApplication(Hexagon.STRATA);

    @ArchTest
    static final ArchRule no_code_manages_transactions_by_hand = noCodeManagesTransactionsByHand(Hexagon.STRATA);

    @ArchTest
    static final ArchRule adapters_never_begin_or_end_a_jdbc_transaction =
            adaptersNeverBeginOrEndAJdbcTransaction(Hexagon.STRATA);

    static ArchRule transactionsAreDemarcatedOnlyByTheApplication(Hexagon h) {
        return classes()
                .that()
                .resideOutsideOfPackage(h.application)
                .and(HAND_WRITTEN)
                .should(openNoTransaction(h))
                .because("the use case is the transaction boundary: adapters join it (@JoinsTransaction) and never "
                        + "open one; controllers, bootstrap and the domain do not take part");
    }

    private static ArchCondition<JavaClass> openNoTransaction(Hexagon h) {
        return new ArchCondition<>("carry no transaction annotation that opens a transaction (adapters: MANDATORY, "
                + "SUPPORTS or NEVER only; web, bootstrap and domain: none)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean mayAssert = h.isIn(c, h.adapters) && !h.isIn(c, h.web);
                List<JavaAnnotation<?>> annotations = new ArrayList<>(c.getAnnotations());
                for (JavaMember member : c.getMembers()) {
                    annotations.addAll(member.getAnnotations());
                }
                for (JavaAnnotation<?> annotation : annotations) {
                    for (JavaAnnotation<?> transactional : transactionAnnotations(annotation, new HashSet<>())) {
                        Optional<String> propagation = propagation(transactional);
                        if (!mayAssert || propagation.isEmpty() || !OPENS_NO_TRANSACTION.contains(propagation.get())) {
                            events.add(SimpleConditionEvent.violated(
                                    annotation,
                                    annotation.getOwner().getDescription()
                                            + " is annotated with @"
                                            + transactional.getRawType().getSimpleName()
                                            + propagation
                                                    .map(p -> "(" + p + ")")
                                                    .orElse("") + " in "
                                            + c.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }

    /** The transaction annotations {@code annotation} is, or carries as (meta-)annotations. */
    private static List<JavaAnnotation<?>> transactionAnnotations(JavaAnnotation<?> annotation, Set<String> seen) {
        String type = annotation.getRawType().getName();
        if (TRANSACTION_ANNOTATIONS.contains(type)) {
            return List.of(annotation);
        }
        if (type.startsWith("java.") || !seen.add(type)) {
            return List.of();
        }
        List<JavaAnnotation<?>> found = new ArrayList<>();
        for (JavaAnnotation<JavaClass> meta : annotation.getRawType().getAnnotations()) {
            found.addAll(transactionAnnotations(meta, seen));
        }
        return found;
    }

    /** The declared propagation, or empty for one that begins a transaction when none is running. */
    private static Optional<String> propagation(JavaAnnotation<?> annotation) {
        String type = annotation.getRawType().getName();
        if (type.equals(READ_ONLY_TRANSACTION)) {
            return Optional.empty();
        }
        String property = type.equals(JAKARTA_TRANSACTIONAL) ? "value" : "propagation";
        return annotation
                .tryGetExplicitlyDeclaredProperty(property)
                .filter(JavaEnumConstant.class::isInstance)
                .map(value -> ((JavaEnumConstant) value).name());
    }

    static ArchRule adaptersNeverBeginOrEndAJdbcTransaction(Hexagon h) {
        return noClasses()
                .that()
                .resideInAPackage(h.adapters)
                .and()
                .resideOutsideOfPackage(h.persistenceShared)
                .and(HAND_WRITTEN)
                .should()
                .callMethodWhere(BEGINS_OR_ENDS_A_JDBC_TRANSACTION)
                .because("an adapter runs its statements in its caller's transaction (on the session's connection: "
                        + "Session.doWork/doReturningWork, or the EntityManager) or, for work that must be in none "
                        + "(blob chunks), in autocommit; a transaction it begins and commits on a pooled connection "
                        + "commits apart from the use case, survives its rollback and hides the boundary from the "
                        + "rules above. Only the connection path in adapters.persistence.shared handles a begin");
    }

    static ArchRule noCodeManagesTransactionsByHand(Hexagon h) {
        return noClasses()
                .that()
                .resideInAPackage(h.root + "..")
                .and(HAND_WRITTEN)
                .and()
                .doNotHaveFullyQualifiedName(h.root + JOINS_TRANSACTION_ADVICE)
                .and(describe(
                        "are not the JDBC read transaction or its advice",
                        c -> JDBC_TRANSACTION.stream()
                                .map(name -> h.root + name)
                                .noneMatch(name ->
                                        c.getName().equals(name) || c.getName().startsWith(name + "$"))))
                .should()
                .dependOnClassesThat(TRANSACTION_MACHINERY)
                .because("a transaction opened by hand escapes the use case boundary and the read-only routing; "
                        + "tests open transactions, production code declares them (the exceptions: the advice of "
                        + "@JoinsTransaction, which looks the caller's transaction up and opens none, and a read "
                        + "use case's JDBC transaction with its advice, which run what @ReadOnlyTransaction declares)");
    }
}

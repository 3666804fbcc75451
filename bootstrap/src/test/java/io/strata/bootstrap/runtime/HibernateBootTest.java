package io.strata.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.testing.IntegrationTest;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hibernate.MappingException;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * Hibernate built beside the rest of the start ({@link HibernateBoot}, {@link StartupWork}): in a context that starts
 * as {@code serve} does, one factory is built, its stand-in is the bean, and the server answers with the first ADMIN
 * in place; the stand-in itself waits for the build, passes every call on, and fails with the build's failure.
 */
class HibernateBootTest extends IntegrationTest {

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(StrataRuntime.SERVING_PROPERTY, "true");
    }

    @Test
    void oneFactoryIsBuiltAndTheBeanIsItsStandIn() {
        // Micronaut's own factory (an eager bean) is replaced, not built as well
        assertThat(context.getActiveBeanRegistrations(SessionFactory.class)).hasSize(1);
        SessionFactory bean = context.getBean(SessionFactory.class);
        assertThat(Proxy.isProxyClass(bean.getClass())).isTrue();
        SessionFactoryImplementor built = bean.unwrap(SessionFactoryImplementor.class);
        assertThat(Proxy.isProxyClass(built.getClass())).isFalse();
        assertThat(bean.getStatistics()).isSameAs(built.getStatistics());
        assertThat(bean.isOpen()).isTrue();
    }

    @Test
    void theDialectIsTheServersVersionToldAtTheStartNotAskedOfAConnection() throws Exception {
        SessionFactoryImplementor built = context.getBean(SessionFactory.class).unwrap(SessionFactoryImplementor.class);
        int versionNum;
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl(), TestPostgres.USERNAME, TestPostgres.PASSWORD);
                ResultSet row = connection.createStatement().executeQuery("SHOW server_version_num")) {
            row.next();
            versionNum = Integer.parseInt(row.getString(1)); // e.g. 170002
        }

        DatabaseVersion dialect = built.getJdbcServices().getDialect().getVersion();
        assertThat(dialect.getDatabaseMajorVersion()).isEqualTo(versionNum / 10000);
        assertThat(dialect.getDatabaseMinorVersion()).isEqualTo(versionNum % 10000);
        assertThat(built.getProperties()).containsEntry(AvailableSettings.ALLOW_METADATA_ON_BOOT, false);
        // what the JDBC metadata answered for PostgreSQL, said instead
        assertThat(built.getSessionFactoryOptions().isScrollableResultSetsEnabled())
                .isTrue();
        assertThat(built.getSessionFactoryOptions().isGetGeneratedKeysEnabled()).isTrue();
        assertThat(built.getSessionFactoryOptions().getJdbcBatchSize()).isEqualTo(50);
    }

    @Test
    void theServerAnswersWithTheFirstAdminInPlace() {
        // the first ADMIN was made on a thread of its own; the server waited for it before it was handed to the test
        assertThat(adminToken()).isNotBlank();
    }

    @Test
    void aServerStartedWithoutWaitingWaitsAtItsStartupEventAndFailsWithTheWork() throws Exception {
        StartupWork work = new StartupWork();
        CountDownLatch release = new CountDownLatch(1);
        work.start("slow", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the work failed");
        });
        CompletableFuture<Void> startupEvent = CompletableFuture.runAsync(() -> work.onServerStartup(null));

        assertThatThrownBy(() -> startupEvent.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThatThrownBy(() -> startupEvent.get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("the work failed");
    }

    @Test
    void aCallBeforeTheBuildWaitsForItThenGoesOnToTheBuiltFactory() throws Exception {
        CompletableFuture<SessionFactoryImplementor> build = new CompletableFuture<>();
        SessionFactory standIn = HibernateBoot.standIn(build);
        CompletableFuture<String> call = CompletableFuture.supplyAsync(
                () -> standIn.unwrap(SessionFactoryImplementor.class).getUuid());

        // unwrap waits as every call does: the stand-in never hands itself out, so what caches the implementor
        // (the plain transaction's interceptor) caches the built one
        assertThatThrownBy(() -> call.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        List<String> calls = new CopyOnWriteArrayList<>();
        build.complete(fake(calls));

        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("fake-uuid");
        assertThat(standIn.unwrap(SessionFactoryImplementor.class)).isNotSameAs(standIn);
        standIn.close();
        assertThat(calls).containsExactly("unwrap", "getUuid", "unwrap", "close");
    }

    @Test
    void whatOnlyHoldsTheStandInDoesNotWait() {
        SessionFactory standIn = HibernateBoot.standIn(new CompletableFuture<>());

        assertThat(standIn).isEqualTo(standIn).isNotEqualTo(HibernateBoot.standIn(new CompletableFuture<>()));
        assertThat(standIn.hashCode()).isEqualTo(System.identityHashCode(standIn));
        assertThat(standIn.toString()).isEqualTo("SessionFactory (being built)");
    }

    @Test
    void aFailedBuildIsWhatEveryUseThrowsAndThereIsNothingToClose() {
        CompletableFuture<SessionFactoryImplementor> build = new CompletableFuture<>();
        build.completeExceptionally(new MappingException("no such column: projects.nope"));
        SessionFactory standIn = HibernateBoot.standIn(build);

        assertThatThrownBy(standIn::openSession)
                .isInstanceOf(MappingException.class)
                .hasMessage("no such column: projects.nope");
        assertThatThrownBy(() -> standIn.unwrap(SessionFactoryImplementor.class))
                .isInstanceOf(MappingException.class);
        standIn.close(); // the context's close after the failed start: quiet
    }

    @Test
    void startupWorkRethrowsTheFirstFailureInTheOrderItWasStarted() throws Exception {
        StartupWork work = new StartupWork();
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> slow = work.start("slow", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("first");
        });
        work.start("fast", () -> {
            throw new IllegalArgumentException("second");
        });
        release.countDown();

        assertThatThrownBy(work::await)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("first");
        assertThat(slow.isDone()).isTrue();
    }

    /** A built factory that answers getUuid, unwrap and close, and records what was called. */
    private static SessionFactoryImplementor fake(List<String> calls) {
        return (SessionFactoryImplementor) Proxy.newProxyInstance(
                HibernateBootTest.class.getClassLoader(),
                new Class<?>[] {SessionFactoryImplementor.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "getUuid" -> "fake-uuid";
                        case "unwrap" -> proxy;
                        default -> null;
                    };
                });
    }
}

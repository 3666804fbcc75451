package io.strata.bootstrap.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.strata.adapters.persistence.shared.DatabaseVersionSettings;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.config.DatabaseConnectionCheck;
import io.strata.bootstrap.config.DatabaseSettings;
import io.strata.bootstrap.config.JdbcTransactionInterceptor;
import io.strata.bootstrap.database.ApplicationRole;
import io.strata.bootstrap.database.SchemaMigrations;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.TestInstance;

/**
 * Base class of HTTP-level integration tests: the whole application (HTTP server on a random port, the schema
 * migrated as {@code serve} migrates it, the pool connecting as the application role, Hibernate with {@code validate}) against a fresh PostgreSQL database per test class.
 *
 * <pre>{@code
 * class UserApiTest extends IntegrationTest {          // no annotation needed: @MicronautTest is @Inherited
 *     @Test
 *     void listsUsersInConstantStatements() {
 *         sql().reset();
 *         HttpResponse<String> response = http().exchange(HttpRequest.GET("/api/v1/users"), String.class);
 *         assertThat(response.status().getCode()).isEqualTo(200);
 *         assertThat(sql().count()).isLessThanOrEqualTo(3);
 *     }
 * }
 * }</pre>
 *
 * The context is started once per class ({@code PER_CLASS}) and tests of a class share the database: make test
 * data unique or order-independent. Tests are not wrapped in transactions ({@code transactional = false}): what the
 * HTTP calls write is committed. Override {@link #additionalProperties()} to add configuration.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest implements TestPropertyProvider {
    /** The first ADMIN every test database starts with (created on startup from configuration). */
    public static final String ADMIN_EMAIL = "admin@strata.test";

    public static final String ADMIN_PASSWORD = "admin password for tests";

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected ApplicationContext context;

    @Inject
    protected EmbeddedServer server;

    private String jdbcUrl;
    private SqlStatements sqlStatements;
    private Api api;
    private String adminToken;

    @Override
    public final Map<String, String> getProperties() {
        // without the user in the URL (pgjdbc lets it win over the pool's username)
        jdbcUrl = DatabaseSettings.parse(TestPostgres.createFreshDatabase()).jdbcUrl();
        // as serve does before its context starts: the schema owner migrates
        DatabaseSettings owner = schemaOwner(jdbcUrl);
        new SchemaMigrations(owner).migrate();
        // and, as serve does, the pool connects as the application role, which row-level security binds
        ApplicationRole.prepare(owner, ApplicationRole.EMBEDDED, true);
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", jdbcUrl);
        properties.put("datasources.default.username", ApplicationRole.EMBEDDED);
        properties.put("datasources.default.maximum-pool-size", "5");
        properties.put("datasources.default.minimum-idle", "1");
        properties.put("micronaut.server.port", "-1");
        // and, as serve does, Hibernate is told the server's version instead of asking a connection's JDBC metadata
        properties.put(
                DatabaseVersionSettings.SERVER_VERSION_PROPERTY,
                DatabaseConnectionCheck.verify(owner, DatabaseConnectionCheck.DEFAULT_TIMEOUT));
        properties.put("jpa.default.properties.hibernate.generate_statistics", "true");
        // serve leaves it to `db verify`; every test context still checks the mapping against the migrated schema
        properties.put("jpa.default.properties.hibernate.hbm2ddl.auto", "validate");
        properties.put("strata.admin.email", ADMIN_EMAIL);
        properties.put("strata.admin.password", ADMIN_PASSWORD);
        // tests sign many users up from one address; the sign-up throttle has its own test
        properties.put("strata.identity.max-sign-ups-per-ip", "100000");
        properties.putAll(additionalProperties());
        return properties;
    }

    /**
     * The role that owns and migrates this class's fresh database: the embedded superuser, unless the class makes
     * another role own it (called once, before the context starts).
     */
    protected DatabaseSettings schemaOwner(String jdbcUrl) {
        return new DatabaseSettings(jdbcUrl, TestPostgres.USERNAME, TestPostgres.PASSWORD);
    }

    /** Extra configuration for this test class (merged over the defaults above). */
    protected Map<String, String> additionalProperties() {
        return Map.of();
    }

    /** Blocking HTTP client bound to the running server ({@code exchange} throws {@code HttpClientResponseException} for 4xx/5xx). */
    protected BlockingHttpClient http() {
        return client.toBlocking();
    }

    /** Raw HTTP client for API tests: exact bytes in, status/headers/body out, no exceptions on 4xx/5xx. */
    protected Api api() {
        if (api == null) {
            api = new Api(server.getURL(), context.getBean(io.micronaut.json.JsonMapper.class));
        }
        return api;
    }

    /** A bearer token of the first ADMIN ({@link #ADMIN_EMAIL}), logged in once per test class. */
    protected String adminToken() {
        if (adminToken == null) {
            adminToken = api().login(ADMIN_EMAIL, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** What {@link #transactionsDuring} saw: Hibernate sessions opened, use cases run again, statements prepared. */
    protected record TransactionsObserved(long sessions, long reruns, long statements) {}

    /**
     * Runs {@code work} (requests, a use case) and tells how its transactions ran: a use case on the platform's plain
     * JDBC transaction opens no Hibernate session and is not run again in Micronaut's. The counts are the whole
     * context's, so nothing else should run meanwhile.
     */
    protected TransactionsObserved transactionsDuring(Runnable work) {
        Statistics statistics = sql().statistics();
        JdbcTransactionInterceptor interceptor = context.getBean(JdbcTransactionInterceptor.class);
        long rerunsBefore = interceptor.reruns(false) + interceptor.reruns(true);
        statistics.clear();
        work.run();
        return new TransactionsObserved(
                statistics.getSessionOpenCount(),
                interceptor.reruns(false) + interceptor.reruns(true) - rerunsBefore,
                statistics.getPrepareStatementCount());
    }

    /** Statement counter for N+1 assertions. */
    protected SqlStatements sql() {
        if (sqlStatements == null) {
            sqlStatements = new SqlStatements(context.getBean(EntityManagerFactory.class));
        }
        return sqlStatements;
    }

    /** JDBC URL of this class's database (user {@link TestPostgres#USERNAME}, empty password). */
    protected String jdbcUrl() {
        return jdbcUrl;
    }

    protected <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Runs the calls from {@code threads} threads, all released at once (real threads, for concurrency rules); their
     * results in submission order.
     */
    protected static <T> List<T> concurrently(int threads, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

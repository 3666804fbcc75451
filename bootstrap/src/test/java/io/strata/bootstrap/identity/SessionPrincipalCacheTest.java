package io.strata.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.strata.adapters.persistence.shared.cache.CacheStatistics;
import io.strata.adapters.persistence.shared.cache.PlatformCaches;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.application.identity.AuthenticateUseCase;
import io.strata.application.identity.SessionPrincipalLookup;
import io.strata.bootstrap.database.ApplicationRole;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.identity.SessionId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authentication through the session principal cache: a warm token costs no database work, and every change that
 * can alter the decision reaches it. On the instance that made the change (log-out, revocation, role and status
 * changes) the very next request is decided anew; on another instance as soon as the commit's notification arrives;
 * changes made around the use cases (raw SQL) through the triggers.
 */
class SessionPrincipalCacheTest extends IntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ME = "/api/v1/users/me";
    private static final String STATS = "/api/v1/users/stats";
    private static final String PATCH = "application/merge-patch+json";

    private ApplicationContext second;
    private Api secondApi;

    @BeforeAll
    void startSecondInstance() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", jdbcUrl());
        properties.put("datasources.default.username", ApplicationRole.EMBEDDED);
        properties.put("datasources.default.maximum-pool-size", "3");
        properties.put("datasources.default.minimum-idle", "1");
        properties.put("micronaut.server.port", "-1");
        properties.put("strata.admin.email", ADMIN_EMAIL);
        properties.put("strata.admin.password", ADMIN_PASSWORD);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        second = server.getApplicationContext();
        secondApi = new Api(server.getURL(), second.getBean(JsonMapper.class));
        await(() -> bean(PlatformCaches.class).listening()
                && second.getBean(PlatformCaches.class).listening());
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aWarmTokenCostsNoAuthenticationStatement() {
        TestUser ada = user("warm", null);
        long cold =
                sql().countDuring(() -> api().get(ME).token(ada.token()).send().expect(200));
        api().get(ME).token(ada.token()).send().expect(200);
        long hits = statistics(context).hits();
        long warm =
                sql().countDuring(() -> api().get(ME).token(ada.token()).send().expect(200));

        assertThat(statistics(context).hits()).isEqualTo(hits + 1);
        assertThat(warm).isLessThan(cold);
    }

    /** What the bearer filter decides on the event loop: a warm, valid session only, and without a statement. */
    @Test
    void onlyAWarmValidSessionIsAuthenticatedFromMemory() {
        AuthenticateUseCase authenticate = bean(AuthenticateUseCase.class);
        TestUser ada = user("memory", null);
        assertThat(authenticate.authenticateInMemory(ada.token())).isEmpty(); // never used: not cached yet
        warm(api(), ada.token());

        var known = new Object() {
            Optional<AuthenticateUseCase.Authenticated> value;
        };
        long statements = sql().countDuring(() -> known.value = authenticate.authenticateInMemory(ada.token()));
        assertThat(statements).isZero();
        assertThat(known.value)
                .hasValueSatisfying(
                        a -> assertThat(a.actor().userId().toString()).isEqualTo(ada.id()));
        assertThat(authenticate.authenticateInMemory("not-a-token-of-anyone")).isEmpty();

        api().delete("/api/v1/sessions/current").token(ada.token()).send().expect(204);
        assertThat(authenticate.authenticateInMemory(ada.token())).isEmpty();
        api().get(ME).token(ada.token()).send().problem(401);
    }

    @Test
    void aLoggedOutTokenIsRefusedByTheNextRequestOnThisInstanceAndSoonOnEveryOther() {
        TestUser ada = user("logout", null);
        warm(api(), ada.token());
        warm(secondApi, ada.token());

        api().delete("/api/v1/sessions/current").token(ada.token()).send().expect(204);

        api().get(ME).token(ada.token()).send().problem(401);
        await(() -> secondApi.get(ME).token(ada.token()).send().status() == 401);
    }

    @Test
    void aRevokedSessionAndEveryOtherSessionOfADeactivatedUserAreRefused() {
        TestUser ada = user("revoke", null);
        String other = api().login(ada.email(), Api.PASSWORD);
        warm(api(), ada.token());
        warm(api(), other);
        warm(secondApi, other);

        api().post("/api/v1/users/" + ada.id() + "/deactivate")
                .token(adminToken())
                .send()
                .expect(200);
        api().get(ME).token(ada.token()).send().problem(401);
        api().get(ME).token(other).send().problem(401);
        await(() -> secondApi.get(ME).token(other).send().status() == 401);
    }

    @Test
    void aRoleChangeDecidesTheNextRequest() {
        TestUser ada = user("role", null);
        warm(api(), ada.token());
        warm(secondApi, ada.token());
        api().get(STATS).token(ada.token()).send().problem(403);

        setRole(ada, "MANAGER");
        api().get(STATS).token(ada.token()).send().expect(200);
        await(() -> secondApi.get(STATS).token(ada.token()).send().status() == 200);

        setRole(ada, "USER");
        api().get(STATS).token(ada.token()).send().problem(403);
        await(() -> secondApi.get(STATS).token(ada.token()).send().status() == 403);
    }

    @Test
    void changesMadeAroundTheUseCasesReachTheCacheThroughTheTriggers() throws Exception {
        TestUser ada = user("raw-status", null);
        warm(api(), ada.token());
        rawSql("UPDATE users SET status = 'INACTIVE' WHERE id = ?", ada.id()); // not even the version moved
        await(() -> api().get(ME).token(ada.token()).send().status() == 401);

        TestUser bob = user("raw-delete", null);
        warm(api(), bob.token());
        warm(secondApi, bob.token());
        rawSql("DELETE FROM sessions WHERE user_id = ?", bob.id());
        await(() -> api().get(ME).token(bob.token()).send().status() == 401);
        await(() -> secondApi.get(ME).token(bob.token()).send().status() == 401);

        TestUser cyd = user("raw-expire", null);
        warm(api(), cyd.token());
        rawSql("UPDATE sessions SET expires_at = created_at + interval '1 millisecond' WHERE user_id = ?", cyd.id());
        await(() -> api().get(ME).token(cyd.token()).send().status() == 401);
    }

    @Test
    void aLastSeenTouchDoesNotEvictOtherInstancesOrRepeatOnEveryRequest() {
        TestUser ada = user("touch", null);
        warm(api(), ada.token());
        long invalidations = statistics(context).invalidations();
        long statements = sql().countDuring(() -> {
            for (int i = 0; i < 5; i++) {
                api().get(ME).token(ada.token()).send().expect(200);
            }
        });
        long one =
                sql().countDuring(() -> api().get(ME).token(ada.token()).send().expect(200));
        assertThat(statements).isEqualTo(5 * one);
        assertThat(statistics(context).invalidations()).isEqualTo(invalidations);
    }

    /** The touch writes lastSeenAt and updates this instance's copy: the request after it is a hit, not a reload. */
    @Test
    void aLastSeenTouchKeepsTheCachedCopySoTheNextRequestIsAHit() throws Exception {
        TestUser ada = user("seen", null);
        rawSql("UPDATE sessions SET last_seen_at = now() - interval '1 hour' WHERE user_id = ?", ada.id());
        api().get(ME).token(ada.token()).send().expect(200); // a miss: loads the copy, then touches lastSeenAt
        long hits = statistics(context).hits();
        long misses = statistics(context).misses();

        long next =
                sql().countDuring(() -> api().get(ME).token(ada.token()).send().expect(200));
        long warm =
                sql().countDuring(() -> api().get(ME).token(ada.token()).send().expect(200));

        assertThat(statistics(context).misses()).isEqualTo(misses);
        assertThat(statistics(context).hits()).isEqualTo(hits + 2);
        assertThat(next).isEqualTo(warm);
        assertThat(lastSeenAgo(ada)).isLessThan(Duration.ofMinutes(1));
    }

    /**
     * The touch is one plain UPDATE in a transaction of its own, without a Hibernate session (its use case is
     * rerunnable), and it only ever moves lastSeenAt forward.
     */
    @Test
    void theTouchIsOnePlainStatementWithoutAHibernateSession() throws Exception {
        TestUser ada = user("touch", null);
        rawSql("UPDATE sessions SET last_seen_at = now() - interval '1 hour' WHERE user_id = ?", ada.id());
        SessionId session = new SessionId(sessionOf(ada));
        SessionPrincipalLookup lookup = bean(SessionPrincipalLookup.class);

        long statements = sql().countDuring(() -> lookup.markSeen(session, Instant.now()));

        assertThat(sql().statistics().getSessionOpenCount())
                .as("Hibernate sessions opened")
                .isZero();
        assertThat(statements).isEqualTo(1);
        assertThat(lastSeenAgo(ada)).isLessThan(Duration.ofMinutes(1));
        lookup.markSeen(session, Instant.now().minus(Duration.ofHours(2))); // older: ignored
        assertThat(lastSeenAgo(ada)).isLessThan(Duration.ofMinutes(1));
    }

    private UUID sessionOf(TestUser user) throws Exception {
        try (Connection c = TestPostgres.connect(jdbcUrl());
                PreparedStatement s = c.prepareStatement("SELECT id FROM sessions WHERE user_id = ?")) {
            s.setObject(1, UUID.fromString(user.id()));
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private Duration lastSeenAgo(TestUser user) throws Exception {
        try (Connection c = TestPostgres.connect(jdbcUrl());
                PreparedStatement s = c.prepareStatement(
                        "SELECT extract(epoch FROM now() - max(last_seen_at)) FROM sessions WHERE user_id = ?")) {
            s.setObject(1, UUID.fromString(user.id()));
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return Duration.ofMillis((long) (rows.getDouble(1) * 1000));
            }
        }
    }

    private TestUser user(String prefix, String role) {
        return api().newUser(
                        adminToken(),
                        prefix + "-" + UUID.randomUUID().toString().substring(0, 6),
                        role);
    }

    private void setRole(TestUser user, String role) {
        String etag = api().get("/api/v1/users/" + user.id())
                .token(adminToken())
                .send()
                .etag();
        api().patch("/api/v1/users/" + user.id())
                .token(adminToken())
                .ifMatch(etag)
                .raw("{\"role\":\"" + role + "\"}", PATCH)
                .send()
                .expect(200);
    }

    /** Two requests: the first loads the copy (and may touch lastSeenAt, which keeps it), the second is a hit. */
    private static void warm(Api api, String token) {
        api.get(ME).token(token).send().expect(200);
        api.get(ME).token(token).send().expect(200);
    }

    private void rawSql(String sql, String userId) throws Exception {
        try (Connection c = TestPostgres.connect(jdbcUrl());
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(userId));
            statement.executeUpdate();
        }
    }

    private static CacheStatistics statistics(ApplicationContext context) {
        return context.getBean(PlatformCaches.class).statistics().stream()
                .filter(s -> s.name().equals("identity.principal"))
                .findFirst()
                .orElseThrow();
    }

    /** Polls (bounded) until the condition holds: notifications arrive asynchronously. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package io.strata.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.ConnectionProbe;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.bootstrap.testing.PasswordCheckProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Password checks (argon2id, tens of milliseconds each) run between transactions, never holding a pooled
 * connection, so a burst of log-ins cannot take the pool from every other request; and what the second
 * transaction finds changed since the first one read the user is honoured.
 */
class PasswordCheckTest extends IntegrationTest {
    private static final String SESSIONS = "/api/v1/sessions";
    private static final String MY_PASSWORD = "/api/v1/users/me/password";

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(ConnectionProbe.ENABLED, "true");
    }

    private PasswordCheckProbe probe() {
        return bean(PasswordCheckProbe.class);
    }

    @Test
    void logInAndChangePasswordCheckWithoutHoldingAConnection() {
        TestUser user = api().newUser(adminToken(), "checker", null);
        probe().checksHoldingAConnection();
        logIn(user.email(), Api.PASSWORD).expect(201);
        logIn(user.email(), "not the password").expect(401);
        logIn("nobody-" + UUID.randomUUID() + "@example.test", Api.PASSWORD).expect(401);
        changePassword(user.token(), "wrong current one", "a brand new password")
                .expect(400);
        changePassword(user.token(), Api.PASSWORD, "a brand new password").expect(204);
        logIn(user.email(), "a brand new password").expect(201);
        assertThat(probe().checksHoldingAConnection())
                .as("one check per request above, none holding a connection")
                .hasSize(6)
                .containsOnly(false);
    }

    @Test
    void concurrentLogInsAllSucceedAndNoneHoldsAConnectionWhileHashing() throws Exception {
        TestUser user = api().newUser(adminToken(), "burst", null);
        probe().checksHoldingAConnection();
        int logins = 16;
        ExecutorService threads = Executors.newFixedThreadPool(logins);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                statuses.add(
                        threads.submit(() -> logIn(user.email(), Api.PASSWORD).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(probe().checksHoldingAConnection()).hasSize(logins).containsOnly(false);
    }

    @Test
    void aUserDeactivatedWhileTheirPasswordIsCheckedIsNotLoggedIn() throws Exception {
        TestUser user = api().newUser(adminToken(), "leaver", null);
        int sessionsBefore = sessionsOf(user.id());
        probe().duringNextCheck(() -> sql("UPDATE users SET status = 'INACTIVE' WHERE id = ?", user.id()));
        logIn(user.email(), Api.PASSWORD).expect(401);
        assertThat(sessionsOf(user.id())).isEqualTo(sessionsBefore);
    }

    @Test
    void aPasswordChangedWhileTheOldOneIsCheckedNeitherLogsInNorIsOverwritten() throws Exception {
        TestUser user = api().newUser(adminToken(), "racer", null);
        int sessionsBefore = sessionsOf(user.id());
        probe().duringNextCheck(
                        () -> sql("UPDATE users SET password_hash = 'changed elsewhere' WHERE id = ?", user.id()));
        logIn(user.email(), Api.PASSWORD).expect(401);
        assertThat(sessionsOf(user.id())).isEqualTo(sessionsBefore);

        TestUser other = api().newUser(adminToken(), "racer", null);
        probe().duringNextCheck(
                        () -> sql("UPDATE users SET password_hash = 'changed elsewhere' WHERE id = ?", other.id()));
        assertThat(changePassword(other.token(), Api.PASSWORD, "my next password")
                        .problem(409)
                        .get("detail"))
                .asString()
                .contains("changed by another request");
        assertThat(passwordHashOf(other.id())).isEqualTo("changed elsewhere");
    }

    @Test
    void aPasswordHashedWithEarlierParametersIsHashedAgainWhenItLogsIn() throws Exception {
        TestUser user = api().newUser(adminToken(), "veteran", null);
        // the OWASP parameters Strata hashed with before (19 MiB, 2 passes); the password is "correct horse battery
        // staple"
        String earlier =
                "$argon2id$v=19$m=19456,t=2,p=1$p8lYVEd4hIneTuf5ujqLkQ$NGo027/DaM4PxZq5SJA+SrjhElG24JmHS40n0WHQQK4";
        sql("UPDATE users SET password_hash = '" + earlier + "' WHERE id = ?", user.id());
        probe().checksHoldingAConnection();
        probe().hashesHoldingAConnection();

        logIn(user.email(), "correct horse battery stapler").expect(401);
        assertThat(passwordHashOf(user.id()))
                .as("a failed log-in changes no hash")
                .isEqualTo(earlier);

        logIn(user.email(), "correct horse battery staple").expect(201);
        String rehashed = passwordHashOf(user.id());
        assertThat(rehashed).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");

        logIn(user.email(), "correct horse battery staple").expect(201);
        assertThat(passwordHashOf(user.id())).as("a current hash is kept").isEqualTo(rehashed);
        logIn(user.email(), "correct horse battery stapler").expect(401);
        assertThat(probe().checksHoldingAConnection()).hasSize(4).containsOnly(false);
        assertThat(probe().hashesHoldingAConnection())
                .as("one rehash, made between the transactions")
                .hasSize(1)
                .containsOnly(false);
    }

    private Api.Response logIn(String email, String password) {
        return api().post(SESSIONS)
                .json(Map.of("email", email, "password", password))
                .send();
    }

    private Api.Response changePassword(String token, String current, String next) {
        return api().post(MY_PASSWORD)
                .token(token)
                .json(Map.of("currentPassword", current, "newPassword", next))
                .send();
    }

    private void sql(String update, String userId) {
        try (Connection c = TestPostgres.connect(jdbcUrl());
                PreparedStatement statement = c.prepareStatement(update)) {
            statement.setObject(1, UUID.fromString(userId));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int sessionsOf(String userId) throws Exception {
        return Integer.parseInt(query("SELECT count(*) FROM sessions WHERE user_id = ?", userId));
    }

    private String passwordHashOf(String userId) throws Exception {
        return query("SELECT password_hash FROM users WHERE id = ?", userId);
    }

    private String query(String select, String userId) throws Exception {
        try (Connection c = TestPostgres.connect(jdbcUrl());
                PreparedStatement statement = c.prepareStatement(select)) {
            statement.setObject(1, UUID.fromString(userId));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}

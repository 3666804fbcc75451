package io.strata.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A log-in's two transactions run on the platform's plain JDBC transaction (both steps are {@code @Rerunnable} and
 * every statement they issue is a plain one): over HTTP, no Hibernate session is opened and neither step is run again
 * in Micronaut's transaction, for a success (its session row, its event and the user's login count land) and for a
 * wrong password (its failures are counted although the step ends in a 401: the step commits on that failure).
 */
class LogInPlainTransactionsTest extends IntegrationTest {
    private TestUser ada;

    @BeforeAll
    void user() {
        ada = api().newUser(adminToken(), "plainlogin", null); // also each step's first run
    }

    @Test
    void aLogInOpensNoHibernateSessionAndItsRowsLand() throws SQLException {
        long logins = number("SELECT login_count FROM users WHERE id = ?", UUID.fromString(ada.id()));
        AtomicReference<Map<String, Object>> login = new AtomicReference<>();

        TransactionsObserved observed = transactionsDuring(() -> login.set(api().post("/api/v1/sessions")
                .json(Map.of("email", ada.email(), "password", Api.PASSWORD))
                .send()
                .expect(201)
                .json()));

        assertThat(observed.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(observed.reruns())
                .as("steps run again in Micronaut's transaction")
                .isZero();
        assertThat(observed.statements())
                .as("the throttle's two counts, the user by e-mail, the password; the user, the password, the "
                        + "account's failures cleared, the session, its event, the login recorded")
                .isEqualTo(10);
        String token = (String) login.get().get("token");
        assertThat(api().get("/api/v1/users/me").token(token).send().expect(200).json())
                .containsEntry("loginCount", (int) logins + 1);
        assertThat(number(
                        "SELECT count(*) FROM events WHERE aggregate_type = 'identity.Session' AND aggregate_id = ?",
                        UUID.fromString((String) ((Map<?, ?>) login.get().get("session")).get("id"))))
                .as("the session's event")
                .isOne();
    }

    @Test
    void aWrongPasswordIsCountedInThePlainTransactionThatEndsInThe401() throws SQLException {
        long failures = number("SELECT count(*) FROM login_failures WHERE failed_at > now() - interval '1 hour'", null);
        AtomicReference<Map<String, Object>> refused = new AtomicReference<>();

        TransactionsObserved observed = transactionsDuring(() -> refused.set(api().post("/api/v1/sessions")
                .json(Map.of("email", ada.email(), "password", "not " + Api.PASSWORD))
                .send()
                .problem(401)));

        assertThat(refused.get().get("detail")).isEqualTo("invalid email or password");
        assertThat(observed.sessions()).as("Hibernate sessions opened").isZero();
        assertThat(observed.reruns())
                .as("steps run again in Micronaut's transaction")
                .isZero();
        assertThat(number("SELECT count(*) FROM login_failures WHERE failed_at > now() - interval '1 hour'", null))
                .as("one failure for the account and one for the client's address, committed with the 401")
                .isEqualTo(failures + 2);
        api().login(ada.email(), Api.PASSWORD); // clears the account's count for the other test
    }

    /** The first column of the first row, read by the database's owner on a connection of its own. */
    private long number(String sql, UUID id) throws SQLException {
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
                statement.setObject(1, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

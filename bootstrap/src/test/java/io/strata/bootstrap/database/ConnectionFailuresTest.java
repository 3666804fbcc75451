package io.strata.bootstrap.database;

import static io.strata.bootstrap.database.ConnectionFailures.Kind.CLOSED;
import static io.strata.bootstrap.database.ConnectionFailures.Kind.EXHAUSTED;
import static io.strata.bootstrap.database.ConnectionFailures.Kind.NONE;
import static io.strata.bootstrap.database.ConnectionFailures.Kind.UNREACHABLE;
import static io.strata.bootstrap.database.ConnectionFailures.classify;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** The shapes connection failures take by the time they reach the web layer (seen in the crash and outage tests). */
class ConnectionFailuresTest {

    private static final PSQLException REFUSED = new PSQLException(
            "Connection to localhost:5432 refused",
            PSQLState.CONNECTION_UNABLE_TO_CONNECT,
            new ConnectException("Connection refused"));

    @Test
    void refusedBrokenOrTerminatedConnectionsAreUnreachable() {
        assertThat(classify(REFUSED)).isEqualTo(UNREACHABLE);
        assertThat(classify(new PSQLException(
                        "An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)))
                .isEqualTo(UNREACHABLE);
        assertThat(classify(new SQLException("FATAL: terminating connection due to administrator command", "57P01")))
                .isEqualTo(UNREACHABLE);
        assertThat(classify(new SQLException("FATAL: the database system is starting up", "57P03")))
                .isEqualTo(UNREACHABLE);
        assertThat(classify(new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("x"))))
                .isEqualTo(UNREACHABLE);
        // Hikari's proxy of a connection it evicted as broken carries no SQLSTATE
        assertThat(classify(new TransactionSystemException(
                        "Could not roll back Hibernate transaction",
                        new RuntimeException(
                                "Unable to rollback against JDBC Connection",
                                new SQLException("Connection is closed")))))
                .isEqualTo(UNREACHABLE);
    }

    @Test
    void aPoolTimeoutIsUnreachableWhenItsCauseIsAndExhaustedOtherwise() {
        SQLTransientConnectionException busy = new SQLTransientConnectionException(
                "strata-db - Connection is not available, request timed out after 5000ms");
        assertThat(classify(new CannotCreateTransactionException("Could not open Hibernate Session", busy)))
                .isEqualTo(EXHAUSTED);
        SQLTransientConnectionException down = new SQLTransientConnectionException(
                "strata-db - Connection is not available, request timed out after 5000ms", "08001", REFUSED);
        assertThat(classify(new CannotCreateTransactionException("Could not open Hibernate Session", down)))
                .isEqualTo(UNREACHABLE);
        assertThat(classify(new SQLException("FATAL: sorry, too many clients already", "53300")))
                .isEqualTo(EXHAUSTED);
    }

    @Test
    void aClosedPoolOrEntityManagerFactoryIsAStop() {
        assertThat(classify(new SQLException("HikariDataSource HikariDataSource (strata-db) has been closed.")))
                .isEqualTo(CLOSED);
        assertThat(classify(new IllegalStateException("EntityManagerFactory is closed")))
                .isEqualTo(CLOSED);
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertThat(classify(new IllegalStateException("connection to db-internal.example:5432 refused by pg_hba")))
                .isEqualTo(NONE);
        assertThat(classify(new SQLException("duplicate key value violates unique constraint", "23505")))
                .isEqualTo(NONE);
        assertThat(classify(
                        new PSQLException("invalid byte sequence for encoding \"UTF8\": 0x00", PSQLState.DATA_ERROR)))
                .isEqualTo(NONE);
        assertThat(classify(new NullPointerException())).isEqualTo(NONE);
        RuntimeException loop = new RuntimeException("self");
        loop.initCause(new RuntimeException("other", loop));
        assertThat(classify(loop)).isEqualTo(NONE);
    }
}

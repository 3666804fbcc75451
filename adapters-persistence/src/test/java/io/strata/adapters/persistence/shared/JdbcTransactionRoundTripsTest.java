package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.strata.adapters.persistence.shared.RowSecurity.Acting;
import io.strata.adapters.persistence.testing.TestPostgres;
import jakarta.persistence.EntityManagerFactory;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.net.SocketFactory;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a transaction costs on the wire, counted on the application's own pooled connections (pgjdbc's
 * {@code socketFactory}): a {@link JdbcTransaction} sends its row-level security settings with its first statement,
 * so a read of one query is two round trips (BEGIN + settings + the query, then COMMIT); a transaction begun the other
 * way (Hibernate's sessions) sends them as a round trip of their own, three.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcTransactionRoundTripsTest {
    private final Acting acting = new Acting("USER", UUID.randomUUID().toString());
    private ApplicationContext context;

    @BeforeAll
    void start() {
        context = TestPostgres.start(
                TestPostgres.createFreshDatabase() + "&socketFactory=" + CountingSockets.class.getName());
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void aPlainReadOfOneQueryIsTwoRoundTripsAndSeesWhoActs() {
        SessionFactoryImplementor factory =
                context.getBean(EntityManagerFactory.class).unwrap(SessionFactoryImplementor.class);
        read(factory); // the pool's connection used just now: the measured checkout is not validated again
        CountingSockets.ROUND_TRIPS.get()[0] = 0;
        String seen = read(factory);
        assertThat(seen).isEqualTo(acting.userId());
        assertThat(CountingSockets.ROUND_TRIPS.get()[0])
                .as("BEGIN + settings + the query, then COMMIT")
                .isEqualTo(2);
    }

    @Test
    void aTransactionBegunWithItsSettingsCostsOneRoundTripMore() throws SQLException {
        DataSource application = TestPostgres.applicationDataSource(context);
        beganWithSettings(application);
        CountingSockets.ROUND_TRIPS.get()[0] = 0;
        assertThat(beganWithSettings(application)).isEqualTo(acting.userId());
        assertThat(CountingSockets.ROUND_TRIPS.get()[0])
                .as("BEGIN + settings, the query, COMMIT")
                .isEqualTo(3);
    }

    private String read(SessionFactoryImplementor factory) {
        JdbcTransaction transaction = new JdbcTransaction(factory, true);
        try {
            return RowSecurity.actingAs(
                    acting,
                    () -> transaction.query("SELECT current_setting('strata.user_id')", statement -> {}, rows -> {
                        rows.next();
                        return rows.getString(1);
                    }));
        } finally {
            transaction.end(true);
        }
    }

    private String beganWithSettings(DataSource application) throws SQLException {
        try (Connection connection = application.getConnection()) {
            RowSecurity.actingAs(acting, () -> {
                try {
                    connection.setAutoCommit(false); // RowSecurityConnection sends the settings here
                    return null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting('strata.user_id')");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                String seen = rows.getString(1);
                connection.commit();
                return seen;
            }
        }
    }

    /**
     * pgjdbc's sockets, counting round trips on the thread that uses them: a write after a read (or the first write)
     * begins one.
     */
    public static final class CountingSockets extends SocketFactory {
        static final ThreadLocal<Integer> READ = ThreadLocal.withInitial(() -> 1);
        /** Round trips begun by this thread (the pool's own threads keep theirs apart). */
        static final ThreadLocal<int[]> ROUND_TRIPS = ThreadLocal.withInitial(() -> new int[1]);

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public InputStream getInputStream() throws IOException {
                    return new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read() throws IOException {
                            READ.set(1);
                            return super.read();
                        }

                        @Override
                        public int read(byte[] buffer, int offset, int length) throws IOException {
                            READ.set(1);
                            return super.read(buffer, offset, length);
                        }
                    };
                }

                @Override
                public OutputStream getOutputStream() throws IOException {
                    return new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(int b) throws IOException {
                            wrote();
                            out.write(b);
                        }

                        @Override
                        public void write(byte[] buffer, int offset, int length) throws IOException {
                            wrote();
                            out.write(buffer, offset, length);
                        }
                    };
                }
            };
        }

        private static void wrote() {
            if (READ.get() == 1) {
                READ.set(0);
                ROUND_TRIPS.get()[0]++;
            }
        }

        /** pgjdbc asks for an unconnected socket ({@link #createSocket()}) and connects it itself. */
        private static UnsupportedOperationException connectedSocketsUnused() {
            return new UnsupportedOperationException("pgjdbc connects an unconnected socket");
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw connectedSocketsUnused();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) {
            throw connectedSocketsUnused();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw connectedSocketsUnused();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
            throw connectedSocketsUnused();
        }
    }
}

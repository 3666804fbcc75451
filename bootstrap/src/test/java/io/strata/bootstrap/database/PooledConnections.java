package io.strata.bootstrap.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The pool's view of its connections, for tests that check a transaction gave its connection back. */
final class PooledConnections {
    private PooledConnections() {}

    /** Connections of the application's pool checked out right now. */
    static int active(DataSource dataSource) {
        try {
            return dataSource
                    .unwrap(HikariDataSource.class)
                    .getHikariPoolMXBean()
                    .getActiveConnections();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

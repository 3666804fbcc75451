package io.strata.bootstrap.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The Hikari pool behind Micronaut's (possibly wrapped) data source. */
public final class Pools {

    private Pools() {}

    /** The pool, or null when the data source is not (a wrapper of) Hikari. */
    public static HikariDataSource hikari(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikariDataSource) {
            return hikariDataSource;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                return dataSource.unwrap(HikariDataSource.class);
            }
        } catch (SQLException ignored) {
            // not a wrapper
        }
        return null;
    }
}
